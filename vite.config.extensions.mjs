/**
 * Additions to the platform's Vite config (`viteConfigExtensions` in d2.config.js, merged by
 * @dhis2/cli-app-scripts `config/makeViteConfig.mjs`).
 *
 * First-view preload: the platform's entry loads the app's code (`App.tsx`) only once its adapter
 * has read the user's settings, and the app then loads the view's code (with Highcharts). Named in
 * `index.html` as `modulepreload` links, those chunks are downloaded and compiled while the
 * adapter waits for the server, instead of after it: the same files, fetched earlier; and the
 * view's and Highcharts' chunks are evaluated there too (`EARLY`). Only the app's page: the
 * dashboard plugin (`plugin.html`) loads its own.
 */

/** The modules whose chunks (and the chunks they import statically) the first view needs */
const FIRST_VIEW = [
    '/D2App/App.tsx',
    '/D2App/features/triangulation/TriangulationPage.tsx',
    // Highcharts, loaded by the view once it has asked for its data (shared/charts/LazyChart.tsx)
    '/D2App/shared/charts/Chart.tsx',
]

/**
 * The modules evaluated before the app's code asks for them: the view (`TriangulationPage`) and
 * Highcharts (`Chart`). The platform's entry renders its adapter, which then waits about 100–200 ms
 * for the server (system info, the user, their settings) with the main thread mostly idle; the
 * view's and Highcharts' evaluation (tens of ms each) fits there, instead of after the app's
 * mapping and user have answered, where it delayed the view's requests and their answers. A
 * module is evaluated once per page: the app's own `import()` of them later finds them ready.
 */
const EARLY = [
    '/D2App/features/triangulation/TriangulationPage.tsx',
    '/D2App/shared/charts/Chart.tsx',
]

/**
 * A URL that opens another page than the view: the app's pages are the hash's first segment,
 * any other is the view (`parseViewState`, `src/shared/navigation/view-state.ts`; tested against
 * it in `src/shared/navigation/early-import.test.ts`)
 */
export const OTHER_PAGE = /^#\/?(alerts|quality|settings|facilities)(\?|$)/

/**
 * The inline module script (run after the entry's, in document order) that imports `files`
 * unless the URL opens another page than the view. A failed download is left to the app's own
 * import, which shows it. Inline scripts are allowed where DHIS2 serves apps: with CSP enabled,
 * dhis2-core removes the policy header from `/api/…` responses but a few file-resource URLs
 * (`dhis-web-api/…/webapi/filter/CspFilter.java`, `CspUtils.DEFAULT_FILTERED_URL_PATTERNS`); a
 * blocked script would only leave the modules to the app's own import, as before.
 * @param {string[]} files
 */
export const earlyImport = (files) =>
    `if (!${OTHER_PAGE}.test(location.hash)) {\n` +
    files.map((file) => `    import(${JSON.stringify(file)}).catch(() => undefined)\n`).join('') +
    `}\n`

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
            // Evaluated early: the view's and Highcharts' chunks, once the platform's entry has
            // run, while its adapter waits for the server (see EARLY below)
            const early = EARLY.map((suffix) => {
                const chunk = chunks.find((c) => c.moduleIds.some((id) => id.endsWith(suffix)))
                if (!chunk) throw new Error(`first-view early import: no chunk for ${suffix}`)
                return `./${chunk.fileName}`
            })
            return [
                {
                    tag: 'script',
                    attrs: { type: 'module' },
                    children: earlyImport(early),
                    injectTo: 'body',
                },
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
