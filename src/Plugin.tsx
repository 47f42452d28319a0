import React from 'react'
import { DashboardItem, type DashboardItemProps } from './features/plugin/DashboardItem'
import { TranslationsGate } from './shared/i18n/TranslationsGate'
import { QueryProvider } from './shared/query-client'

/** The dashboard plugin: rendered by the DHIS2 dashboard in an item, with the item's props. */
const Plugin = (props: DashboardItemProps) => (
    <QueryProvider>
        <TranslationsGate>
            <div data-test="triangulate-plugin" style={{ padding: 4 }}>
                <DashboardItem {...props} />
            </div>
        </TranslationsGate>
    </QueryProvider>
)

export default Plugin
