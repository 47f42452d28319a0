/**
 * The demo DHIS2's aggregate analytics engine (`/api/analytics`): query parsing and validation as
 * DHIS2 does, aggregation over the DemoDb's typed arrays, and the response body in DHIS2's JSON
 * shape.
 */
import type { DemoDb } from '../data/model'
import type { DemoUser } from '../http/types'
import { DbIndex } from './dbIndex'
import { QueryEvaluator, type Row } from './engine'
import { AnalyticsError, AnalyticsRequestError } from './errors'
import { calendarDateOf } from './periods'
import { parseAnalyticsQuery, type AnalyticsQuery } from './query'
import { gridJson } from './response'

export { AnalyticsError, AnalyticsRequestError } from './errors'
export type { AnalyticsQuery } from './query'
export type { Row } from './engine'

export interface AnalyticsOptions {
    /** Clock for relative periods (default: the system clock) */
    now?: () => Date
    /** Build all roll-ups at once instead of on first use (a few hundred ms for 6,000 facilities) */
    warmUp?: boolean
    /** The DHIS2 release the demo answers as (`--dhis2-version`; default 2.41.4) */
    dhis2Version?: string
    /** The system setting `analyticsFinancialYearStart`, read per request (default October) */
    financialYearStart?: () => string | null
}

export type AnalyticsOutcome =
    | {
          ok: true
          query: AnalyticsQuery
          /** The JSON response body (UTF-8) */
          body: Buffer
          /** Number of rows */
          height: number
          /** The rows as rendered in the body (built on demand) */
          rows: () => Row[]
      }
    | { ok: false; error: AnalyticsError | AnalyticsRequestError }

const indexes = new WeakMap<DemoDb, DbIndex>()

/**
 * Drops the precomputed index (and its roll-ups) of a database: call after changing its values or
 * metadata, the next query rebuilds it.
 */
export const resetAnalyticsIndex = (db: DemoDb): void => {
    indexes.delete(db)
}

/** The (cached) precomputed index of a database. */
export const indexOf = (db: DemoDb): DbIndex => {
    let index = indexes.get(db)
    if (!index) {
        index = new DbIndex(db)
        indexes.set(db, index)
    }
    return index
}

export class DemoAnalytics {
    private readonly now: () => Date
    private readonly dhis2Version: string | undefined
    private readonly financialYearStart: () => string | null

    constructor(
        private readonly db: DemoDb,
        options: AnalyticsOptions = {}
    ) {
        this.now = options.now ?? (() => new Date())
        this.dhis2Version = options.dhis2Version
        this.financialYearStart = options.financialYearStart ?? (() => null)
        if (options.warmUp) this.warmUp()
    }

    /** The database's index (rebuilt after `resetAnalyticsIndex`). */
    get index(): DbIndex {
        return indexOf(this.db)
    }

    /** Runs an analytics request; DHIS2's illegal-query cases come back as `AnalyticsError`. */
    run(params: URLSearchParams, user: DemoUser | null): AnalyticsOutcome {
        try {
            const index = this.index
            const query = parseAnalyticsQuery(params, {
                index,
                user,
                today: calendarDateOf(this.now()),
                dhis2Version: this.dhis2Version,
                financialYearStart: this.financialYearStart(),
            })
            const { rows, order } = new QueryEvaluator(index, query).result()
            return {
                ok: true,
                query,
                body: gridJson(index, query, rows, order),
                height: order.length,
                rows: () => Array.from(order, (r) => rows.cells(r, query.includeNumDen)),
            }
        } catch (error) {
            if (error instanceof AnalyticsError || error instanceof AnalyticsRequestError)
                return { ok: false, error }
            throw error
        }
    }

    /** Builds all roll-ups now instead of on first use. */
    warmUp(): void {
        this.index.warmUp()
    }
}
