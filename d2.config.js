/** @type {import('@dhis2/cli-app-scripts').D2Config} */
const config = {
    type: 'app',
    name: 'triangulate',
    title: 'HMIS/LMIS Triangulation',
    description:
        'Service data (HMIS) and medicine-logistics data (LMIS) side by side, per commodity, with drill-down, period alignment, data quality and alerts.',
    id: undefined,
    minDHIS2Version: '2.39',
    coreApp: false,
    direction: 'auto',

    pluginType: 'DASHBOARD',
    dataStoreNamespace: 'triangulate',
    customAuthorities: ['F_TRIANGULATE_CONFIG'],

    entryPoints: {
        app: './src/App.tsx',
        plugin: './src/Plugin.tsx',
    },
}

module.exports = config
