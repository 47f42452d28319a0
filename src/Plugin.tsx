import i18n from '@dhis2/d2-i18n'
import React from 'react'
import { QueryProvider } from './shared/query-client'

const Plugin = () => (
    <QueryProvider>
        <div data-test="triangulate-plugin">{i18n.t('HMIS/LMIS Triangulation')}</div>
    </QueryProvider>
)

export default Plugin
