import React from 'react'
import { DashboardItem, type DashboardItemProps } from './features/plugin/DashboardItem'
import { QueryProvider } from './shared/query-client'
// The app's translations (i18n/*.po), generated into src/locales by d2-app-scripts start/build
// and `npm run i18n:generate`; without this import every string of the app stays English.
import './locales'

/** The dashboard plugin: rendered by the DHIS2 dashboard in an item, with the item's props. */
const Plugin = (props: DashboardItemProps) => (
    <QueryProvider>
        <div data-test="triangulate-plugin" style={{ padding: 4 }}>
            <DashboardItem {...props} />
        </div>
    </QueryProvider>
)

export default Plugin
