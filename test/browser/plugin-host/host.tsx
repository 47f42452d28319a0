/**
 * A stand-in for the DHIS2 dashboard in browser tests, in either of the two ways DHIS2 dashboards
 * show an app item (see src/features/plugin/dashboard-embedding.ts):
 * - `plugin` (dashboard-app v101+: 2.40.8+, 2.41.4+, 2.42): the app-runtime's own `Plugin`
 *   component at plugin.html with the props dashboard-app passes (dashboardItemId,
 *   dashboardItemFilters, dashboardMode, setDashboardItemDetails, cacheId, isParentCached,
 *   width/height);
 * - `iframe` (dashboard-app before v101: 2.40.0–2.40.7, 2.41.0–2.41.3): an `<iframe>` of the app's
 *   launch URL with `?dashboardItemId=<id>&userOrgUnit=<ids>`, as `getIframeSrc` of v100.4.1 builds
 *   it (the last path segment of each org unit filter, else its id; no period).
 *
 * The mode follows the server's version (`/api/system/info`) unless `?mode=plugin|iframe` says.
 * Items come from the page's query string: `?items=<JSON array of HostItem>`.
 */
import { Provider } from '@dhis2/app-runtime'
import { Plugin } from '@dhis2/app-runtime/experimental'
import React, { useReducer } from 'react'
import { createRoot } from 'react-dom/client'
import { dashboardEmbeddingFor } from '../../../src/features/plugin/dashboard-embedding'

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
const launchUrl = new URL('../triangulate/index.html', window.location.href).href

/** dashboard-app v100.4.1 `getIframeSrc` */
const iframeSrc = (item: HostItem): string => {
    let src = `${launchUrl}?dashboardItemId=${item.id}`
    const ou = item.filters?.ou ?? []
    if (ou.length) {
        src += `&userOrgUnit=${ou.map(({ id, path }) => (path ? path.split('/').slice(-1)[0] : id)).join(',')}`
    }
    return src
}

/** A dashboard item's box and title bar, as the dashboard draws it around either kind of item */
const ItemShell = ({
    item,
    mode,
    details,
    children,
}: {
    item: HostItem
    mode: 'iframe' | 'plugin'
    details?: string
    children: React.ReactNode
}) => (
    <section
        data-test={`dashboard-item-${item.id}`}
        data-mode={mode}
        data-details={details}
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
        {children}
    </section>
)

const IframeItem = ({ item }: { item: HostItem }) => (
    <ItemShell item={item} mode="iframe">
        <iframe
            title={item.id}
            src={iframeSrc(item)}
            style={{ border: 'none', width: item.width, height: item.height }}
        />
    </ItemShell>
)

const Item = ({ item }: { item: HostItem }) => {
    // As dashboard-app's AppItem: a reducer (a stable dispatch) keeping the last details given
    const [details, setDetails] = useReducer(
        (old: Record<string, unknown>, next: Record<string, unknown>) => ({ ...old, ...next }),
        {}
    )
    return (
        <ItemShell item={item} mode="plugin" details={JSON.stringify(details)}>
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
        </ItemShell>
    )
}

const modeParam = params.get('mode')

const serverMode = async (): Promise<'plugin' | 'iframe' | 'none'> => {
    const response = await fetch('../../../api/system/info', { credentials: 'include' })
    const info = (await response.json()) as { version?: string }
    return dashboardEmbeddingFor(info.version ?? '')
}

const render = (mode: 'plugin' | 'iframe' | 'none') => {
    const root = document.getElementById('root')
    if (!root) return
    document.body.dataset.mode = mode
    createRoot(root).render(
        mode === 'none' ? (
            <p data-test="dashboard-no-app-items">
                This DHIS2 version's dashboard cannot add apps with a plugin as items.
            </p>
        ) : (
            <Provider
                config={{ baseUrl: '../../..', apiVersion: 41 }}
                userInfo={undefined}
                plugin={false}
                parentAlertsAdd={() => undefined}
                showAlertsInPlugin={false}
            >
                {items.map((item) =>
                    mode === 'iframe' ? (
                        <IframeItem key={item.id} item={item} />
                    ) : (
                        <Item key={item.id} item={item} />
                    )
                )}
            </Provider>
        )
    )
}

if (modeParam === 'plugin' || modeParam === 'iframe') render(modeParam)
else void serverMode().then(render, () => render('plugin'))
