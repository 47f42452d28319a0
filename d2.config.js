/** @type {import('@dhis2/cli-app-scripts').D2Config} */
const config = {
    type: 'app',
    name: 'triangulate',
    title: 'HMIS/LMIS Triangulation',
    description:
        'Service data (HMIS) and medicine-logistics data (LMIS) side by side, per commodity, with drill-down, period alignment, data quality and alerts.',
    id: undefined,
    // 2.40: the first release whose dashboard can add an app with a plugin as an item (2.39 lists
    // only DASHBOARD_WIDGET apps). Dashboards of 2.40.0–2.40.7 and 2.41.0–2.41.3 show it as an
    // <iframe> of the app (handled in App.tsx), later ones through plugin.html. See the README.
    minDHIS2Version: '2.40',
    coreApp: false,
    direction: 'auto',

    pluginType: 'DASHBOARD',
    // Protected by DHIS2 with M_triangulate; who may change the entries is their sharing, which
    // the app sets (src/data/entry-protection.ts)
    dataStoreNamespace: 'triangulate',

    // Offline dashboards (cacheId/isParentCached, src/features/plugin/ItemCache.tsx) need the
    // platform's PWA service worker (@dhis2/pwa `set-up-service-worker.js`). API requests are left
    // out of its app-shell cache (`patternsToOmitFromAppShell`, tested on the URL; the app's own
    // files under /api/apps/ are in its scope and matched before these patterns): they go to the
    // network, and only when it fails to what an offline dashboard item recorded
    // (`NetworkAndTryCache`: `caches.match`, all caches). A RegExp: a string would be taken
    // literally (cli-app-scripts `getPWAEnvVars.js`, `escapeForRegex`). See the README.
    pwa: {
        enabled: true,
        caching: {
            patternsToOmitFromAppShell: [/\/api\/(\d+\/)?(?!apps\/)/],
            omitExternalRequestsFromAppShell: true,
            // The calendars' code (Ethiopian, Julian, @dhis2/multi-calendar-dates in `es-*.js`)
            // is downloaded only on an instance of that calendar, not precached for everyone
            // (then cached network-first like any file of the app)
            globsToOmitFromPrecache: [
                '**/ethiopian-periods-*.js',
                '**/julian-periods-*.js',
                '**/es-*.js',
            ],
        },
    },

    // The first view's code named in index.html, downloaded while the platform starts
    // (vite.config.extensions.mjs)
    viteConfigExtensions: './vite.config.extensions.mjs',

    entryPoints: {
        app: './src/App.tsx',
        plugin: './src/Plugin.tsx',
    },
}

module.exports = config
