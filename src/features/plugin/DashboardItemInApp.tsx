import React from 'react'
import type { DashboardItemFromUrl } from './dashboard-embedding'
import { DashboardItem } from './DashboardItem'

/**
 * The platform's app shell always draws the DHIS2 header bar above an app (app-adapter
 * `AppWrapper`: `<div dir><ConnectedHeaderBar/></div>` before `.app-shell-app`). Inside a dashboard
 * item it would take a third of the item and offer the whole instance's menus: it is hidden.
 */
const HIDE_HEADER_BAR = '.app-shell-adapter > div[dir] { display: none !important; }'

/**
 * The app opened by an older DHIS2 dashboard as an `<iframe>` item
 * (`<launchUrl>?dashboardItemId=…&userOrgUnit=…`, see `dashboard-embedding.ts`): the same dashboard
 * item as the plugin, never the whole app.
 */
export const DashboardItemInApp = ({ item }: { item: DashboardItemFromUrl }) => (
    <>
        <style>{HIDE_HEADER_BAR}</style>
        <div data-test="triangulate-plugin" data-embedding="iframe" style={{ padding: 4 }}>
            <DashboardItem
                dashboardItemId={item.dashboardItemId}
                dashboardItemFilters={item.dashboardItemFilters}
            />
        </div>
    </>
)
