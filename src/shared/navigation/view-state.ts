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
    const search = query.toString()
    return `#/${state.page}${search ? `?${search}` : ''}`
}

/** The org unit whose children the drilled charts show: the last of the drill path, else the trend's. */
export const drillParent = (state: ViewState, rootId: string): string =>
    state.drill?.path[state.drill.path.length - 1] ?? state.ou ?? rootId
