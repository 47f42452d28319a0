import i18n from '@dhis2/d2-i18n'
import { Button, NoticeBox } from '@dhis2/ui'
import React from 'react'

interface State {
    failed: boolean
}

/**
 * Around the parts of the app that load on demand (pages, the view's charts): when their code
 * cannot be downloaded (connection lost, the app updated on the server meanwhile) a translated
 * message with a reload button replaces that part, instead of a blank app.
 */
export class LoadBoundary extends React.Component<{ children: React.ReactNode }, State> {
    override state: State = { failed: false }

    static getDerivedStateFromError(): State {
        return { failed: true }
    }

    override render() {
        if (!this.state.failed) return this.props.children
        return (
            <NoticeBox
                error
                title={i18n.t('Part of the app could not be loaded')}
                dataTest="load-error"
            >
                <p>
                    {i18n.t(
                        'Check your connection, then reload the page. If the app was just updated, reloading gets the new version.'
                    )}
                </p>
                <Button small onClick={() => window.location.reload()}>
                    {i18n.t('Reload')}
                </Button>
            </NoticeBox>
        )
    }
}
