import i18n from '@dhis2/d2-i18n'
import React from 'react'
import { QueryProvider } from './shared/query-client'
import classes from './App.module.css'

const App = () => (
    <QueryProvider>
        <div className={classes.container}>
            <h1 className={classes.title}>{i18n.t('HMIS/LMIS Triangulation')}</h1>
        </div>
    </QueryProvider>
)

export default App
