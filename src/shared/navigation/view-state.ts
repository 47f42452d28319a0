/**
 * The view's state as it lives in the URL (hash), so that reload, a shared link and the browser's
 * back button all give the same view: `#/<page>?area=..&pair=..&pe=..&ou=..&grain=..&dpe=..&dpath=..`
 */
export type Page = 'view' | 'alerts' | 'quality' | 'settings' | 'facilities'
export type Grain = 'monthly' | 'quarterly'

export interface ViewState {
    page: Page
    /** Program area id */
    area?: string
    /** Pair id: when set, only this pair is shown (focus), e.g. from an alert or a dashboard item */
    pair?: string
    /** Period selection: a relative period id (LAST_12_MONTHS) or a fixed year (2025) */
    pe: string
    /** Selected org unit id (the trend's org unit); empty = the user's data-view root */
    ou?: string
    /**
     * Several org units summed as one (a dashboard item's combined filter opened in the app):
     * analytics `ou` items — org unit ids, `USER_ORGUNIT(_CHILDREN|_GRANDCHILDREN)`,
     * `LEVEL-<uid|n>`, `OU_GROUP-<uid>`; takes the place of `ou` (URL `ous=a,b`)
     */
    ous?: string[]
    grain: Grain
    /** Drill: the period clicked on the trend and the org units drilled through, from `ou` down */
    drill?: { period: string; path: string[] }
    /** A point to highlight in the drilled chart (org unit id), e.g. from an alert */
    highlight?: string
    /** The alert scan's settings (Alerts and Data quality pages), e.g. from a dashboard item */
    scan?: ScanParams
    /** What the Data quality page shows of the scan: an org unit level and one tested month */
    quality?: QualityParams
}

/** The Data quality page's choices (`qlv`, `qpe`); checked against the scan by the page */
export interface QualityParams {
    level?: number
    /** A tested month, `yyyyMM` (else all the tested months) */
    period?: string
}

/**
 * The alert scan's settings as a link carries them (`root`, `end`, `base`, `test`, `lv`, `run`;
 * the program area is `area`). Read here as text of the right shape only: the Alerts page checks
 * them against the instance (`features/alerts/scan-url.ts`).
 */
export interface ScanParams {
    /** The org unit whose tree is scanned (else the user's data-view org units) */
    root?: string
    /** The last month tested, `yyyyMM` (else the last month due) */
    end?: string
    /** Baseline months */
    baseline?: number
    /** Tested months */
    test?: number
    /** Org unit levels scanned */
    levels?: number[]
    /** Run the scan on opening (a dashboard item's list, or a list shared once scanned) */
    run?: boolean
}

export const DEFAULT_PERIOD = 'LAST_12_MONTHS'
const PAGES: Page[] = ['view', 'alerts', 'quality', 'settings', 'facilities']
const UID_LIKE = /^[A-Za-z0-9_-]{1,64}$/

const clean = (value: string | null): string | undefined =>
    value && UID_LIKE.test(value) ? value : undefined

/** An analytics `ou` item of a combined selection (as `dashboard-filters.ts` accepts them) */
const OU_ITEM =
    /^(?:[A-Za-z][A-Za-z0-9]{10}|USER_ORGUNIT(?:_CHILDREN|_GRANDCHILDREN)?|LEVEL-(?:[A-Za-z][A-Za-z0-9]{10}|[1-9][0-9]?)|OU_GROUP-[A-Za-z][A-Za-z0-9]{10})$/

/** The items of `ous=`: valid ones, each once, at most 50; none → undefined */
const parseOrgUnitItems = (value: string | null): string[] | undefined => {
    const items = [...new Set((value ?? '').split(',').filter((item) => OU_ITEM.test(item)))].slice(
        0,
        50
    )
    return items.length > 0 ? items : undefined
}

const MONTH_ID = /^\d{4}(?:0[1-9]|1[0-2])$/
const SMALL_INT = /^[1-9]\d?$/

/** The scan's settings of a link's query: each of the right shape, else left out; none → undefined */
export const parseScanParams = (query: URLSearchParams): ScanParams | undefined => {
    const int = (name: string) => {
        const value = query.get(name)
        return value !== null && SMALL_INT.test(value) ? Number(value) : undefined
    }
    const end = query.get('end')
    const levels = [
        ...new Set(
            (query.get('lv') ?? '')
                .split(',')
                .filter((level) => SMALL_INT.test(level))
                .map(Number)
        ),
    ].sort((a, b) => a - b)
    const params: ScanParams = {
        root: clean(query.get('root')),
        end: end !== null && MONTH_ID.test(end) ? end : undefined,
        baseline: int('base'),
        test: int('test'),
        levels: levels.length > 0 ? levels : undefined,
        run: query.get('run') === '1' ? true : undefined,
    }
    const given = Object.fromEntries(
        Object.entries(params).filter(([, value]) => value !== undefined)
    ) as ScanParams
    return Object.keys(given).length > 0 ? given : undefined
}

/** Writes the scan's settings into a link's query (the reverse of `parseScanParams`) */
export const writeScanParams = (query: URLSearchParams, scan: ScanParams): void => {
    if (scan.root) query.set('root', scan.root)
    if (scan.end) query.set('end', scan.end)
    if (scan.baseline !== undefined) query.set('base', String(scan.baseline))
    if (scan.test !== undefined) query.set('test', String(scan.test))
    if (scan.levels?.length) query.set('lv', scan.levels.join(','))
    if (scan.run) query.set('run', '1')
}

/** The Data quality page's choices of a link's query: each of the right shape, else left out */
export const parseQualityParams = (query: URLSearchParams): QualityParams | undefined => {
    const level = query.get('qlv')
    const period = query.get('qpe')
    const params: QualityParams = {
        ...(level !== null && SMALL_INT.test(level) ? { level: Number(level) } : {}),
        ...(period !== null && MONTH_ID.test(period) ? { period } : {}),
    }
    return Object.keys(params).length > 0 ? params : undefined
}

/** The pages whose URL carries the scan's settings (one scan serves both) */
const SCAN_PAGES: Page[] = ['alerts', 'quality']

/** Reads a hash such as `#/view?area=mnh&pe=LAST_12_MONTHS`; anything malformed is ignored. */
export const parseViewState = (hash: string): ViewState => {
    const raw = hash.replace(/^#\/?/, '')
    const [pagePart = '', queryPart = ''] = raw.split('?')
    const query = new URLSearchParams(queryPart)
    const page = (PAGES as string[]).includes(pagePart) ? (pagePart as Page) : 'view'
    const drillPeriod = clean(query.get('dpe'))
    const drillPath = (query.get('dpath') ?? '')
        .split(',')
        .map((id) => clean(id))
        .filter((id): id is string => Boolean(id))
    return {
        page,
        area: clean(query.get('area')),
        pair: clean(query.get('pair')),
        pe: clean(query.get('pe')) ?? DEFAULT_PERIOD,
        ou: clean(query.get('ou')),
        ous: parseOrgUnitItems(query.get('ous')),
        grain: query.get('grain') === 'quarterly' ? 'quarterly' : 'monthly',
        drill: drillPeriod ? { period: drillPeriod, path: drillPath } : undefined,
        highlight: clean(query.get('hl')),
        scan: SCAN_PAGES.includes(page) ? parseScanParams(query) : undefined,
        quality: page === 'quality' ? parseQualityParams(query) : undefined,
    }
}

export const serializeViewState = (state: ViewState): string => {
    const query = new URLSearchParams()
    if (state.area) query.set('area', state.area)
    if (state.pair) query.set('pair', state.pair)
    if (state.pe !== DEFAULT_PERIOD) query.set('pe', state.pe)
    if (state.ou) query.set('ou', state.ou)
    if (state.ous?.length) query.set('ous', state.ous.join(','))
    if (state.grain !== 'monthly') query.set('grain', state.grain)
    if (state.drill) {
        query.set('dpe', state.drill.period)
        if (state.drill.path.length) query.set('dpath', state.drill.path.join(','))
    }
    if (state.highlight) query.set('hl', state.highlight)
    if (state.scan && SCAN_PAGES.includes(state.page)) writeScanParams(query, state.scan)
    if (state.page === 'quality' && state.quality) {
        if (state.quality.level !== undefined) query.set('qlv', String(state.quality.level))
        if (state.quality.period) query.set('qpe', state.quality.period)
    }
    const search = query.toString()
    return `#/${state.page}${search ? `?${search}` : ''}`
}

/** The org unit whose children the drilled charts show: the last of the drill path, else the trend's. */
export const drillParent = (state: ViewState, rootId: string): string =>
    state.drill?.path[state.drill.path.length - 1] ?? state.ou ?? rootId
