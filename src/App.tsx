import { useDataEngine } from '@dhis2/app-runtime'
import i18n from '@dhis2/d2-i18n'
import { CircularLoader, Tab, TabBar } from '@dhis2/ui'
import React, { Suspense } from 'react'
import { dashboardItemFromUrl } from './features/plugin/dashboard-embedding'
import { confirmLeavingSettings } from './features/settings/unsaved-changes'
import { ConfigGate } from './features/triangulation/ConfigGate'
import { LoadBoundary, lazyWithRetry } from './shared/api-errors/LoadBoundary'
import { parseViewState, useViewState, type Page } from './shared/navigation'
import { TranslationsGate } from './shared/i18n/TranslationsGate'
import { getQueryClient, QueryProvider } from './shared/query-client'
import { configQuery } from './data/use-config'
import type { DataEngine } from './data/engine'
import { userQuery } from './data/use-me'
import classes from './App.module.css'
import { markOnce } from './shared/perf/mark'
import { startFirstView } from './features/triangulation/first-view'
import type { CalendarId } from './domain/periods'
import { useInstanceCalendar } from './data/use-calendar'

markOnce('app-module')

// The view's code, loaded as the app starts (`startRequests`): evaluated while the mapping and the
// user are on their way
let viewModule: Promise<typeof import('./features/triangulation/TriangulationPage')> | null = null
const loadView = () => {
    if (!viewModule) {
        viewModule = import('./features/triangulation/TriangulationPage')
        // A failed download is shown by the LoadBoundary when the view renders, not as an
        // unhandled error
        viewModule.catch(() => undefined)
    }
    return viewModule
}
// Each page's code is loaded again after a failed download (another tab, "Try again")
const TriangulationView = lazyWithRetry(
    (attempt) =>
        attempt === 0 ? loadView() : import('./features/triangulation/TriangulationPage'),
    (m) => m.TriangulationView
)

// Opened by an older DHIS2 dashboard as an <iframe> item (2.40.0–2.40.7, 2.41.0–2.41.3): the item
// view alone, never the whole app (see features/plugin/dashboard-embedding.ts)
const itemInUrl = dashboardItemFromUrl(window.location.search)

/**
 * What every page waits for, asked as the app starts: the mapping and the user (two requests),
 * in the first render rather than in the effects of the page that needs them; as each answers,
 * the first view's own requests (`startFirstView`: the items' metadata and the org unit levels
 * with the mapping, the trend with the user); meanwhile the view's code and Highcharts. The pages
 * read the same queries (`useConfig`, `useUser`, the view's data hooks).
 */
let started = false
const startRequests = (engine: DataEngine, calendar: CalendarId) => {
    if (started) return
    started = true
    const client = getQueryClient()
    const config = client.fetchQuery(configQuery(engine))
    const user = client.fetchQuery(userQuery(engine))
    // Failures are the pages' to show (their queries hold the error)
    config.catch(() => undefined)
    user.catch(() => undefined)
    const state = parseViewState(window.location.hash)
    void startFirstView({
        engine,
        client,
        state,
        embedded: Boolean(itemInUrl),
        calendar,
        config,
        user,
    })
    // In a later task (after this render), while the requests are on their way: the view's code,
    // then, when the app opens on the view, Highcharts (`loadChart`; a chart's own boundary shows
    // a failed download). Evaluated after the view's first answer, Highcharts delayed it (its
    // trends waited for the evaluation, bench/nav-probe.ts)
    setTimeout(() => {
        const view = loadView()
        if (state.page === 'view' && !itemInUrl) {
            view.then((m) => m.loadChart()).catch(() => undefined)
        }
    }, 0)
}
const AlertsPage = lazyWithRetry(
    () => import('./features/alerts/AlertsPage'),
    (m) => m.AlertsPage
)
const DataQualityPage = lazyWithRetry(
    () => import('./features/quality/DataQualityPage'),
    (m) => m.DataQualityPage
)
const FacilitiesPage = lazyWithRetry(
    () => import('./features/facilities/FacilitiesPage'),
    (m) => m.FacilitiesPage
)
const SettingsPage = lazyWithRetry(
    () => import('./features/settings/SettingsPage'),
    (m) => m.SettingsPage
)

const DashboardItemInApp = lazyWithRetry(
    () => import('./features/plugin/DashboardItemInApp'),
    (m) => m.DashboardItemInApp
)

const Main = () => {
    const { state, push, replace } = useViewState()
    const go = (page: Page) => {
        if (page === state.page) return
        // Leaving the mapping editor with unsaved changes asks first (the draft is kept anyway)
        if (state.page === 'settings' && !confirmLeavingSettings()) return
        push({ ...state, page, drill: undefined })
    }
    return (
        <div className={classes.container}>
            <div className={classes.top}>
                <h1 className={classes.title}>{i18n.t('HMIS/LMIS Triangulation')}</h1>
                <TabBar scrollable dataTest="app-tabs">
                    <Tab
                        selected={state.page === 'view'}
                        onClick={() => go('view')}
                        dataTest="tab-view"
                    >
                        {i18n.t('Commodities and services')}
                    </Tab>
                    <Tab
                        selected={state.page === 'alerts'}
                        onClick={() => go('alerts')}
                        dataTest="tab-alerts"
                    >
                        {i18n.t('Alerts')}
                    </Tab>
                    <Tab
                        selected={state.page === 'quality'}
                        onClick={() => go('quality')}
                        dataTest="tab-quality"
                    >
                        {i18n.t('Data quality')}
                    </Tab>
                    <Tab
                        selected={state.page === 'settings'}
                        onClick={() => go('settings')}
                        dataTest="tab-settings"
                    >
                        {i18n.t('Mapping')}
                    </Tab>
                    <Tab
                        selected={state.page === 'facilities'}
                        onClick={() => go('facilities')}
                        dataTest="tab-facilities"
                    >
                        {i18n.t('Facilities')}
                    </Tab>
                </TabBar>
            </div>
            <LoadBoundary resetKey={state.page}>
                <Suspense fallback={<CircularLoader small />}>
                    {state.page === 'settings' ? (
                        <SettingsPage />
                    ) : state.page === 'facilities' ? (
                        <FacilitiesPage />
                    ) : (
                        <ConfigGate onOpenSettings={() => go('settings')}>
                            {(config) =>
                                state.page === 'alerts' ? (
                                    <AlertsPage
                                        config={config}
                                        state={state}
                                        push={push}
                                        replace={replace}
                                    />
                                ) : state.page === 'quality' ? (
                                    <DataQualityPage
                                        config={config}
                                        state={state}
                                        push={push}
                                        replace={replace}
                                    />
                                ) : (
                                    <TriangulationView
                                        config={config}
                                        state={state}
                                        push={push}
                                        replace={replace}
                                    />
                                )
                            }
                        </ConfigGate>
                    )}
                </Suspense>
            </LoadBoundary>
        </div>
    )
}

// The user's language's translations first (English: at once), see TranslationsGate
const App = () => {
    startRequests(useDataEngine(), useInstanceCalendar())
    return (
        <QueryProvider>
            <TranslationsGate>
                {itemInUrl ? (
                    <LoadBoundary resetKey="item">
                        <Suspense fallback={<CircularLoader small />}>
                            <DashboardItemInApp item={itemInUrl} />
                        </Suspense>
                    </LoadBoundary>
                ) : (
                    <Main />
                )}
            </TranslationsGate>
        </QueryProvider>
    )
}

export default App
