/**
 * Additions to the platform's Vite config (`viteConfigExtensions` in d2.config.js, merged by
 * @dhis2/cli-app-scripts `config/makeViteConfig.mjs`).
 *
 * First-view preload: the platform's entry loads the app's code (`App.tsx`) only once its adapter
 * has read the user's settings, and the app then loads the view's code (with Highcharts). Named in
 * `index.html` as `modulepreload` links, those chunks are downloaded and compiled while the
 * adapter waits for the server, instead of after it: the same files, fetched earlier. Only the
 * app's page: the dashboard plugin (`plugin.html`) loads its own.
 */

/** The modules whose chunks (and the chunks they import statically) the first view needs */
const FIRST_VIEW = [
    '/D2App/App.tsx',
    '/D2App/features/triangulation/TriangulationPage.tsx',
    // Highcharts, loaded by the view once it has asked for its data (shared/charts/LazyChart.tsx)
    '/D2App/shared/charts/Chart.tsx',
]

/** @returns {import('vite').Plugin} */
const firstViewPreload = () => ({
    name: 'triangulate-first-view-preload',
    apply: 'build',
    transformIndexHtml: {
        order: 'post',
        handler(html, ctx) {
            const bundle = ctx.bundle
            if (!bundle || !/(^|\/)index\.html$/.test(ctx.filename)) return html
            const chunks = Object.values(bundle).filter((c) => c.type === 'chunk')
            const byFile = new Map(chunks.map((c) => [c.fileName, c]))
            // what the page's entry already loads (its own script and modulepreload links)
            const entry = chunks.filter((c) => c.isEntry && c.facadeModuleId?.endsWith('.html'))
            const loaded = new Set(entry.flatMap((c) => [c.fileName, ...c.imports]))
            const files = []
            const styles = []
            const visit = (chunk) => {
                if (!chunk || loaded.has(chunk.fileName)) return
                loaded.add(chunk.fileName)
                files.push(chunk.fileName)
                styles.push(...(chunk.viteMetadata?.importedCss ?? []))
                for (const name of chunk.imports) visit(byFile.get(name))
            }
            for (const suffix of FIRST_VIEW) {
                // the chunk holding the module (not always its facade: a module also imported elsewhere)
                const chunk = chunks.find((c) => c.moduleIds.some((id) => id.endsWith(suffix)))
                if (!chunk) {
                    throw new Error(`first-view preload: no chunk for ${suffix}`)
                }
                visit(chunk)
            }
            return [
                ...files.map((file) => ({
                    tag: 'link',
                    attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
                    injectTo: 'head',
                })),
                ...[...new Set(styles)].map((file) => ({
                    tag: 'link',
                    attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `./${file}` },
                    injectTo: 'head',
                })),
            ]
        },
    },
})

export default {
    plugins: [firstViewPreload()],
}
