import i18n from '@dhis2/d2-i18n'
import { Button, ButtonStrip, NoticeBox } from '@dhis2/ui'
import React, { lazy, type ComponentType } from 'react'

/**
 * The script a failed dynamic import could not fetch, from the browser's message (Chromium:
 * "Failed to fetch dynamically imported module: <url>", Firefox: "error loading dynamically
 * imported module: <url>"), or undefined when the message does not name it (Safari).
 */
export const failedModuleUrl = (error: unknown): string | undefined => {
    const message = error instanceof Error ? error.message : String(error ?? '')
    return /(https?:\/\/[^\s'"]+?\.m?js)(?:[?#][^\s'"]*)?(?=$|[\s'"])/.exec(message)?.[1]
}

/**
 * The URL to import again after a failure: the same script with a query parameter. The browser
 * keeps a failed module in its module map for the page's lifetime (HTML "fetch a single module
 * script": the map entry stays null), so importing the same URL again fails without a request.
 */
export const retryModuleUrl = (url: string, attempt: number): string =>
    `${url}${url.includes('?') ? '&' : '?'}retry=${attempt}`

/** Lazy components whose code failed to load, each with the way to try again */
const failed = new Set<() => void>()

/** Makes every lazy component whose code failed to load request it again on its next render. */
export const retryFailedLoads = (): void => {
    for (const renew of [...failed]) renew()
}

/**
 * `React.lazy` that can load again: React keeps a lazy component's failure for good, so after a
 * failure a new lazy component replaces it (on `retryFailedLoads`). `load(0)` is the first import
 * (it may already be under way); a retry imports as written again (`load(n)`), and if the browser
 * answers from its failed module map, the failed script under a fresh URL. `pick` takes the
 * component from the module.
 */
export const lazyWithRetry = <M, P extends object>(
    load: (attempt: number) => Promise<M>,
    pick: (module: M) => ComponentType<P>
): ComponentType<P> => {
    let attempt = 0
    let lastError: unknown
    const make = (importer: () => Promise<M>) =>
        lazy(async () => {
            try {
                return { default: pick(await importer()) }
            } catch (error) {
                lastError = error
                failed.add(renew)
                throw error
            }
        })
    const renew = () => {
        failed.delete(renew)
        const n = ++attempt
        const previousUrl = failedModuleUrl(lastError)
        Current = make(async () => {
            try {
                return await load(n)
            } catch (error) {
                const url = failedModuleUrl(error) ?? previousUrl
                if (!url) throw error
                return (await import(/* @vite-ignore */ retryModuleUrl(url, n))) as M
            }
        })
    }
    let Current = make(() => load(0))
    const Retryable = (props: P) =>
        React.createElement(Current as unknown as ComponentType<P>, props)
    return Retryable
}

interface Props {
    children: React.ReactNode
    /** When this changes (another page) after a failure, the part is loaded again */
    resetKey?: string
}

interface State {
    failed: boolean
}

/**
 * Around the parts of the app that load on demand (pages, the view's charts): when their code
 * cannot be downloaded (connection lost, the app updated on the server meanwhile) a translated
 * message replaces that part, instead of a blank app. Going to another page or "Try again" loads
 * it again; "Reload the page" gets the whole app anew.
 */
export class LoadBoundary extends React.Component<Props, State> {
    override state: State = { failed: false }

    static getDerivedStateFromError(): State {
        return { failed: true }
    }

    override componentDidUpdate(previous: Props) {
        if (this.state.failed && previous.resetKey !== this.props.resetKey) this.retry()
    }

    retry = () => {
        retryFailedLoads()
        this.setState({ failed: false })
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
                        'Check your connection, then try again. If the app was just updated, reloading the page gets the new version.'
                    )}
                </p>
                <ButtonStrip>
                    <Button small onClick={this.retry} dataTest="load-error-retry">
                        {i18n.t('Try again')}
                    </Button>
                    <Button
                        small
                        secondary
                        onClick={() => window.location.reload()}
                        dataTest="load-error-reload"
                    >
                        {i18n.t('Reload the page')}
                    </Button>
                </ButtonStrip>
            </NoticeBox>
        )
    }
}
