/**
 * A stand-in for the DHIS2 dashboard in browser tests: it embeds dashboard plugins with the
 * app-runtime's own `Plugin` component and passes the props the DHIS2 dashboard app passes
 * (dashboardItemId, dashboardItemFilters, dashboardMode, width/height).
 *
 * Items come from the page's query string: `?items=<JSON array of HostItem>`.
 */
import { Provider } from '@dhis2/app-runtime'
import { Plugin } from '@dhis2/app-runtime/experimental'
import React, { useState } from 'react'
import { createRoot } from 'react-dom/client'

interface HostItem {
    id: string
    width: number
    height: number
    mode?: 'view' | 'edit'
    filters?: Record<string, { id: string; name?: string; path?: string }[]>
}

const params = new URLSearchParams(window.location.search)
const items: HostItem[] = JSON.parse(
    params.get('items') ?? '[{"id":"item1","width":600,"height":400}]'
)
const pluginSource = new URL('../triangulate/plugin.html', window.location.href).href

const Item = ({ item }: { item: HostItem }) => {
    const [details, setDetails] = useState<unknown>(null)
    return (
        <section
            data-test={`dashboard-item-${item.id}`}
            data-details={details ? JSON.stringify(details) : ''}
            style={{
                background: '#fff',
                margin: 8,
                width: item.width,
                display: 'inline-block',
                verticalAlign: 'top',
                boxShadow: '0 0 2px #999',
            }}
        >
            <header style={{ fontSize: 13, padding: '4px 8px', borderBottom: '1px solid #ddd' }}>
                {item.id}
            </header>
            <Plugin
                pluginSource={pluginSource}
                width={item.width}
                height={item.height}
                // The props the DHIS2 dashboard passes to an app plugin (dashboard-app AppItem)
                {...{
                    dashboardItemId: item.id,
                    dashboardItemFilters: item.filters ?? {},
                    dashboardMode: item.mode ?? 'view',
                    setDashboardItemDetails: setDetails,
                    cacheId: `host-${item.id}`,
                    isParentCached: false,
                }}
            />
        </section>
    )
}

const root = document.getElementById('root')
if (root) {
    createRoot(root).render(
        <Provider
            config={{ baseUrl: '../../..', apiVersion: 41 }}
            userInfo={undefined}
            plugin={false}
            parentAlertsAdd={() => undefined}
            showAlertsInPlugin={false}
        >
            {items.map((item) => (
                <Item key={item.id} item={item} />
            ))}
        </Provider>
    )
}
