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
    // platform's PWA service worker. It is off until it is tested against the app's own error and
    // update paths: with it on, the worker serves the app's code and requests from its cache, so a
    // failed download, a 401 after a restart or an edited mapping were not seen as they are.
    pwa: {
        enabled: false,
    },

    entryPoints: {
        app: './src/App.tsx',
        plugin: './src/Plugin.tsx',
    },
}

module.exports = config
