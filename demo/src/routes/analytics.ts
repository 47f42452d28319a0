/**
 * `GET /api/analytics(.json)` and `GET /api/{version}/analytics(.json)`: the aggregate analytics
 * endpoint, answering like DHIS2 (JSON grid, or a 409 WebMessage with the E71xx error code).
 */
import type { DemoDb } from '../data/model'
import { conflict, errorResponse, notFound } from '../http/errors'
import type { DemoRequest, DemoResponse, DemoRoute } from '../http/types'
import { AnalyticsError, DemoAnalytics, type AnalyticsOptions } from '../analytics'

const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8'

export const analyticsRoutes = (db: DemoDb, options: AnalyticsOptions = {}): DemoRoute[] => {
    const analytics = new DemoAnalytics(db, options)
    const handler = (req: DemoRequest): DemoResponse => {
        const version = req.params['version']
        if (version !== undefined && !/^\d{2}$/.test(version))
            return notFound(`No endpoint ${req.path}`)
        const outcome = analytics.run(req.query, req.user)
        if (!outcome.ok) {
            const { error } = outcome
            return error instanceof AnalyticsError
                ? conflict(error.message, error.errorCode)
                : errorResponse(error.httpStatus, error.message)
        }
        return { status: 200, body: outcome.body, headers: { 'Content-Type': JSON_CONTENT_TYPE } }
    }
    return [
        '/api/analytics',
        '/api/analytics.json',
        '/api/:version/analytics',
        '/api/:version/analytics.json',
    ].map((pattern) => ({ method: 'GET', pattern, handler }))
}
