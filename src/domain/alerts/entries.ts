/**
 * The alert list a person can read in a meeting: one entry per org unit × pair, holding every
 * finding the detectors made there (its reasons), tiered and ranked by impact.
 *
 * Impact (`entryImpact`) multiplies:
 * - the strength of the strongest finding, on the modified z-score's scale (`severity`), capped at
 *   `MAX_STRENGTH` so that one absurd value does not outrank everything else by orders of
 *   magnitude;
 * - its size as a factor (`foldOf`): `1 + |ln(value ÷ expected)|`, so that a value three times
 *   the usual (a typing error, a form counted twice) outranks a large facility's ordinary +40 %
 *   month whose z-score is as high (errors multiply, noise adds);
 * - its weight in the parent's total, as a square root: the deviation in units (value − expected,
 *   or the cases turned away) as a share of the parent org unit's total of that series in that
 *   period (a facility of its district, a district of its region), plus `SHARE_FLOOR` so that
 *   findings without units (reporting rates, master-list gaps) still rank by their strength; the
 *   root keeps a small facility's tripled value in sight of a hospital's ordinary swing (a share
 *   of 0.02 against 0.3 weighs 1 to 3.5, not 1 to 10);
 * - persistence: `1 + PERSISTENCE_WEIGHT × (run − 1)` over the longest run of consecutive months
 *   (or quarters) flagged (scattered months are chance more often than a lasting change);
 * - what the org unit's other services did that period (`orgUnitShift`): the size is taken over
 *   their shift, and a spike or collapse with all of them moving the same way is the facility's
 *   activity changing (`movesWithOrgUnit`), a real change, `AGREEMENT_WEIGHT`;
 * - what the two systems say together (`systemsWeight`): one system moving while consumption per
 *   case moves too (the other system did not follow) is the mark of a recording error,
 *   `CONTRADICTION_WEIGHT` (`systemsContradict`); both systems moving the same way in the same
 *   period is a real change (more patients came, and more was dispensed), which a list of what to
 *   check ranks lower, `AGREEMENT_WEIGHT` (it stays an entry): both flagged
 *   (`bothSystemsAgree`), or the other system's series moving by 40 % or more that period and
 *   explaining the value (`movesWithPartner`; the size is also taken over that shift). Where
 *   neither says so (cases too few for the ratio test), the other system's value is weighed as
 *   evidence (`partnerWeight`): how much better a recording error than a real change explains it
 *   (a likelihood ratio, `partnerEvidence` in `scan-alerts.ts`), turned by Bayes' rule into how
 *   much more likely the finding is an error.
 *
 * The tier of an entry is its strongest finding's (`tiers.ts`).
 *
 * Above facilities (`EntryRules.facilityLevel`), a total moves with the reports that come in,
 * and the reporting rate counts reports, not their weight: one hospital's missing report moves a
 * district's cases or consumption by half or more in one month while the rate stays above 80 %
 * (in the demo country, a regional hospital supplying 80 % of its district's magnesium sulfate
 * misses a quarter of its monthly reports). So the findings such a change can cause
 * (`isMakeUpSensitive`: falls, consumption per case moving, anything by quarter) become entries
 * there only within a run of `AGGREGATE_FLOW_RUN` consecutive periods; a change that lasts is not
 * one missing report.
 *
 * A rise of one month above facilities needs such a run too, unless it is extreme
 * (`needsAggregateRun`): the multiple-testing burden. A national scan of districts makes about
 * 20,000 tests (180 districts × some 18 series × the 6 months tested, both systems), and the
 * outlier cut-off (3.5, a one-sided p of 2.3 × 10⁻⁴ for one normal series, WHO DQR) lets about
 * five of them through by chance alone, more because 12 months only estimate the spread (a
 * Student-like tail: in the demo country, nine single months of rare-event district totals about
 * doubling). A Bonferroni bound of 5 % over 20,000 tests asks for p below 2.5 × 10⁻⁶, z ≈ 4.6;
 * the extreme tier (5, p ≈ 2.9 × 10⁻⁷) is beyond it, and two consecutive months beyond 3.5 come
 * by chance with p ≈ (2.3 × 10⁻⁴)². A facility's list is ranked and cut (150 entries per program
 * area), which is how it bears its own burden; there one month three times the usual is the
 * typing error the list is for.
 */
import type { Alert } from './types'
import { EXTREME_Z, higherTier, tierOf, type Tier } from './tiers'

export const MAX_STRENGTH = 25
/** Consecutive periods an entry above facilities needs for a make-up-sensitive finding */
export const AGGREGATE_FLOW_RUN = 2
export const SHARE_FLOOR = 0.02
export const PERSISTENCE_WEIGHT = 0.5
export const AGREEMENT_WEIGHT = 0.5
export const CONTRADICTION_WEIGHT = 3
/**
 * The other services' shift (`orgUnitShift`) from which a spike is the org unit's activity
 * changing (a fall: its inverse): all of them 40 % up, a bound chosen beyond a facility's
 * ordinary month-to-month swing of its total activity (staff on leave, an outreach day more).
 */
export const ORG_UNIT_SHIFT = 1.4

/** An alert of a scan: the pairs it concerns (its own first) and its org unit level */
export interface LeveledAlert<A extends Alert = Alert> {
    alert: A
    pairIds: readonly string[]
    level: number
    /**
     * The deviation in units as a share (0–1) of the parent's total of the series in the period;
     * `null` when unknown or without units
     */
    parentShare?: number | null
    /**
     * For a spike or collapse: the org unit's other services in the period over their usual
     * level (1: they did not move); `null` or absent when unknown
     */
    orgUnitShift?: number | null
    /**
     * For a spike or collapse of one system's series: the other system's series of the pair in
     * the period over its usual level (1: it did not move); `null` or absent when unknown
     */
    partnerShift?: number | null
    /**
     * For a spike or collapse of one system's series: the log likelihood ratio of the other
     * system's value under a recording error against a real change (above 0: it stayed)
     */
    partnerEvidence?: number | null
}

export interface AlertEntry<A extends Alert = Alert> {
    /** `orgUnitId:pairId` */
    id: string
    orgUnitId: string
    pairId: string
    /** Every pair its findings concern, its own first */
    pairIds: string[]
    level: number
    /** The findings, strongest first */
    reasons: LeveledAlert<A>[]
    tier: Tier
    /** Distinct periods flagged, in order */
    periods: string[]
    /** The largest share of the parent's total among the findings; `null` when none has units */
    parentShare: number | null
    /** Both systems move the same way in one period (a real change, most likely) */
    agreement: boolean
    /** One system moves and the other does not follow (a recording error, most likely) */
    contradiction?: boolean
    impact: number
}

/** The id of the entry of an org unit and a pair */
export const entryId = (orgUnitId: string, pairId: string): string => `${orgUnitId}:${pairId}`

const strengthOf = (alert: Alert): number =>
    Number.isFinite(alert.severity)
        ? Math.min(MAX_STRENGTH, Math.abs(alert.severity))
        : MAX_STRENGTH

/** A shift of the org unit's other services that is read (finite, above 0) */
const usableShift = (shift: number | null | undefined): shift is number =>
    typeof shift === 'number' && Number.isFinite(shift) && shift > 0

/** The other services' shift when it moves the way of the finding (within ¼ and 4), else 1 */
const sameWayShift = (type: Alert['type'], shift: number | null | undefined): number => {
    if (!usableShift(shift)) return 1
    const factor = Math.min(4, Math.max(0.25, shift))
    return type === 'spike' ? Math.max(1, factor) : Math.min(1, factor)
}

/**
 * The same-way shift the usual level of a spike or collapse is moved by: the larger rise (for a
 * spike) or the deeper fall (for a collapse) of the org unit's other services and of the other
 * system's series (`sameWayShift` each), 1 when neither moved its way
 */
export const contextShift = (
    type: Alert['type'],
    orgUnitShift: number | null | undefined,
    partnerShift: number | null | undefined
): number => {
    const a = sameWayShift(type, orgUnitShift)
    const b = sameWayShift(type, partnerShift)
    return type === 'spike' ? Math.max(a, b) : Math.min(a, b)
}

/**
 * How many times the usual a finding's value is, as `1 + |ln(ratio)|` (1 without units). For a
 * spike or collapse with the org unit's other services moving the same way (`orgUnitShift`: more
 * staff, an outreach campaign), or the other system's record of the same patients
 * (`partnerShift`: cases for consumption, consumption for cases), the usual level is moved by the
 * larger of those shifts (kept within ¼ and 4): a value twice the usual in a month when every
 * service of the facility rose by 60 % is 1.25 times what the month explains; cases doubling while
 * consumption doubled too are a month of twice the patients, not an error of the register; a
 * typing error's ×3 in an ordinary month stays ×3. Others moving the other way do not make a
 * finding larger.
 */
export const foldOf = (
    alert: Alert,
    orgUnitShift?: number | null,
    partnerShift?: number | null
): number => {
    let ratio: number | null = null
    if (alert.type === 'spike' || alert.type === 'collapse') {
        if (alert.method === 'REPEATED') return 2
        // details are JSON from the worker or a stored follow-up: read them defensively
        const details = alert.details as Partial<typeof alert.details> | undefined
        if (!details || typeof details.value !== 'number') return 1
        const expected = details.expected ?? details.median ?? details.value
        ratio =
            (details.value + 1) /
            (Math.max(0, expected) + 1) /
            contextShift(alert.type, orgUnitShift, partnerShift)
    } else if (alert.type === 'divergence') {
        const details = alert.details as Partial<typeof alert.details> | undefined
        const r = details?.ratio
        const m = details?.ratioMedian
        ratio = typeof r === 'number' && typeof m === 'number' && m > 0 ? (r + 0.01) / m : null
    }
    if (ratio === null || !Number.isFinite(ratio) || ratio <= 0) return 1
    return 1 + Math.min(5, Math.abs(Math.log(ratio)))
}

/** A period id's position: months and quarters each on their own scale (`null`: neither) */
const periodOrdinal = (period: string): { scale: 'M' | 'Q'; at: number } | null => {
    const month = /^(\d{4})(\d{2})$/.exec(period)
    if (month) return { scale: 'M', at: Number(month[1]) * 12 + Number(month[2]) }
    const quarter = /^(\d{4})Q([1-4])$/.exec(period)
    if (quarter) return { scale: 'Q', at: Number(quarter[1]) * 4 + Number(quarter[2]) }
    return null
}

/** The longest run of consecutive periods (months, or quarters) among `periods` (at least 1) */
export const longestPeriodRun = (periods: Iterable<string>): number => {
    const byScale = new Map<string, number[]>()
    let others = 0
    for (const period of new Set(periods)) {
        const o = periodOrdinal(period)
        if (!o) {
            others += 1
            continue
        }
        const list = byScale.get(o.scale) ?? []
        list.push(o.at)
        byScale.set(o.scale, list)
    }
    let best = others > 0 ? 1 : 0
    for (const list of byScale.values()) {
        list.sort((a, b) => a - b)
        let run = 0
        for (let i = 0; i < list.length; i++) {
            run = i > 0 && list[i] === (list[i - 1] as number) + 1 ? run + 1 : 1
            best = Math.max(best, run)
        }
    }
    return best
}

/**
 * A finding a total's changing make-up can cause (module comment): a fall (a large facility's
 * report missing), consumption per case moving either way (a report missing on one side), and
 * any finding by quarter (four quarters of baseline: one missing report moves their median).
 * A rise of a monthly total is not: its baseline's median is not moved by a report missing now
 * and then.
 */
export const isMakeUpSensitive = (alert: Alert): boolean =>
    alert.type === 'divergence' ||
    alert.type === 'collapse' ||
    (alert.type === 'spike' && /Q/.test(alert.period))

/**
 * Whether a finding above facilities makes an entry only within a run of `AGGREGATE_FLOW_RUN`
 * consecutive periods: one a total's make-up can cause (`isMakeUpSensitive`), or a spike below
 * the extreme tier (module comment: the multiple-testing burden of a scan of every district)
 */
export const needsAggregateRun = (alert: Alert): boolean =>
    isMakeUpSensitive(alert) || (alert.type === 'spike' && !(Math.abs(alert.severity) >= EXTREME_Z))

/**
 * The findings of one org unit × pair that make an entry at an aggregate level: those that need
 * a run (`needsAggregateRun`) only within a run of `AGGREGATE_FLOW_RUN` consecutive periods of
 * them (module comment)
 */
export const aggregateReasons = <R extends Pick<LeveledAlert, 'alert'>>(
    reasons: readonly R[]
): R[] => {
    const flows = reasons.filter((r) => needsAggregateRun(r.alert))
    if (flows.length === 0) return [...reasons]
    const periods = new Set(flows.map((r) => r.alert.period))
    const inRun = (period: string): boolean => {
        const o = periodOrdinal(period)
        if (!o) return false
        // the run through this period, counted on its own scale
        const has = (at: number) =>
            [...periods].some((p) => {
                const q = periodOrdinal(p)
                return q !== null && q.scale === o.scale && q.at === at
            })
        let run = 1
        for (let at = o.at - 1; has(at); at--) run += 1
        for (let at = o.at + 1; has(at); at++) run += 1
        return run >= AGGREGATE_FLOW_RUN
    }
    return reasons.filter((r) => !needsAggregateRun(r.alert) || inRun(r.alert.period))
}

/**
 * Whether the findings show one system moving and the other not, in one period: a spike or
 * collapse of one system's series with consumption per case moving in that period (a divergence)
 * and no outlier of the other system the same way. The mark of a recording error (a typing
 * error, a form counted twice, consumption not written down): a real change (more patients, a
 * stockout) moves both, and triangulation is what tells them apart.
 */
export const systemsContradict = (reasons: readonly Pick<LeveledAlert, 'alert'>[]): boolean => {
    const diverging = new Set(
        reasons.filter((r) => r.alert.type === 'divergence').map((r) => r.alert.period)
    )
    if (diverging.size === 0) return false
    const moves = new Map<string, Set<string>>()
    for (const { alert } of reasons) {
        if (alert.type !== 'spike' && alert.type !== 'collapse') continue
        const key = `${alert.period}|${alert.type}`
        const set = moves.get(key) ?? new Set<string>()
        set.add(alert.series)
        moves.set(key, set)
    }
    for (const [key, systems] of moves) {
        const period = key.split('|')[0] as string
        if (diverging.has(period) && systems.size === 1) return true
    }
    return false
}

/**
 * The odds of a recording error against a real change that a finding of one system has before
 * the other system's reading is known: 1 to 2, so that what that reading can add is at most
 * `CONTRADICTION_WEIGHT` ((1 + odds) ÷ odds), as much as consumption per case diverging
 */
export const PRIOR_ERROR_ODDS = 1 / (CONTRADICTION_WEIGHT - 1)

/**
 * The likelihood ratio under which the other system's reading is not weighed, either way: below
 * 3, evidence "not worth more than a bare mention" (Jeffreys, *Theory of Probability*, 3rd ed.
 * 1961, appendix B; Kass and Raftery, *Bayes factors*, Journal of the American Statistical
 * Association 90, 1995, §3.2). A partner series of a few cases a month reads about 1 whatever
 * happened, and such noise should not reorder a list of thousands of entries.
 */
export const MIN_EVIDENCE_RATIO = 3

/**
 * How the other system's reading (`partnerEvidence`, the log likelihood ratio of a recording
 * error against a real change) changes the chance that a spike or collapse of the findings is a
 * recording error, by Bayes' rule from `PRIOR_ERROR_ODDS`: P(error | reading) ÷ P(error), the
 * largest among the findings, within `AGREEMENT_WEIGHT` and `CONTRADICTION_WEIGHT`; 1 without a
 * reading, or when it is under `MIN_EVIDENCE_RATIO` either way. The other system staying where it
 * was (a likelihood ratio of 20) weighs 2.7, of 3 weighs 1.8; the other system following (a
 * ratio of 1 ÷ 3 or less) weighs `AGREEMENT_WEIGHT`. Graded, so that a small facility's 7 pneumonia cases,
 * which can say little, say what they can.
 */
export const partnerWeight = (
    reasons: readonly Pick<LeveledAlert, 'alert' | 'partnerEvidence'>[]
): number => {
    let best: number | null = null
    for (const { alert, partnerEvidence } of reasons) {
        if (alert.type !== 'spike' && alert.type !== 'collapse') continue
        if (typeof partnerEvidence !== 'number' || Number.isNaN(partnerEvidence)) continue
        if (Math.abs(partnerEvidence) < Math.log(MIN_EVIDENCE_RATIO)) continue
        const ratio = Math.exp(Math.min(50, Math.max(-50, partnerEvidence)))
        const weight = (ratio * (1 + PRIOR_ERROR_ODDS)) / (1 + PRIOR_ERROR_ODDS * ratio)
        best = best === null ? weight : Math.max(best, weight)
    }
    return best === null ? 1 : Math.min(CONTRADICTION_WEIGHT, Math.max(AGREEMENT_WEIGHT, best))
}

/** Whether the findings show both systems moving the same way in one period */
export const bothSystemsAgree = (reasons: readonly Pick<LeveledAlert, 'alert'>[]): boolean => {
    const byPeriod = new Map<string, Set<string>>()
    for (const { alert } of reasons) {
        if (alert.type !== 'spike' && alert.type !== 'collapse') continue
        if (alert.series !== 'hmis' && alert.series !== 'lmis') continue
        const key = `${alert.period}|${alert.type}`
        const set = byPeriod.get(key) ?? new Set<string>()
        set.add(alert.series)
        byPeriod.set(key, set)
    }
    return [...byPeriod.values()].some((set) => set.size === 2)
}

/**
 * Whether a spike or collapse of the findings came with the org unit's other services moving
 * the same way by at least `ORG_UNIT_SHIFT` (`orgUnitShift`): the facility's activity changed
 * that month (staff, an outreach campaign, a neighbour closed), which every service shows. WHO's
 * data quality review checks a service against related ones for the same reason (*Data quality
 * review: a toolkit for facility data quality assessment*, Module 1, 2017: dimension 2,
 * internal consistency, metric 2c "consistency between related indicators"). A real change, like
 * both systems agreeing: weighed `AGREEMENT_WEIGHT`.
 */
export const movesWithOrgUnit = (
    reasons: readonly Pick<LeveledAlert, 'alert' | 'orgUnitShift'>[]
): boolean =>
    reasons.some(({ alert, orgUnitShift }) =>
        explainedByShift(alert, orgUnitShift, (shift) => foldOf(alert, shift))
    )

/**
 * Whether a spike or collapse came with `shift` (another series' move that month) going its way
 * by at least `ORG_UNIT_SHIFT` and explaining the value: the finding's size over that shift
 * (`foldOf` with it) is not `ORG_UNIT_SHIFT` beyond it.
 */
const explainedByShift = (
    alert: Alert,
    shift: number | null | undefined,
    foldOver: (shift: number) => number
): boolean =>
    usableShift(shift) &&
    ((alert.type === 'spike' && shift >= ORG_UNIT_SHIFT) ||
        (alert.type === 'collapse' && shift <= 1 / ORG_UNIT_SHIFT)) &&
    foldOver(shift) < 1 + Math.log(ORG_UNIT_SHIFT)

/**
 * Whether a spike or collapse of one system's series came with the other system's series of the
 * pair moving the same way by at least `ORG_UNIT_SHIFT` (`partnerShift`) and explaining the value
 * (it is not `ORG_UNIT_SHIFT` beyond that shift): both systems saw the same patients come (or not
 * come), a real change. The outlier test of the other series need not pass for this: a rise of
 * consumption by 70 % in the month the cases tripled is the same change, seen through a
 * dispensing practice and a stock that vary more than the register.
 */
export const movesWithPartner = (
    reasons: readonly Pick<LeveledAlert, 'alert' | 'partnerShift'>[]
): boolean =>
    reasons.some(({ alert, partnerShift }) =>
        explainedByShift(alert, partnerShift, (shift) => foldOf(alert, null, shift))
    )

/**
 * What the two systems and the org unit's other services say of the findings: `AGREEMENT_WEIGHT`
 * when they moved with it (`bothSystemsAgree`, `movesWithPartner`, `movesWithOrgUnit`),
 * `CONTRADICTION_WEIGHT` when consumption per case moved with one system alone
 * (`systemsContradict`), both when both; else the other system's reading (`partnerWeight`)
 */
export const systemsWeight = (
    reasons: readonly Pick<
        LeveledAlert,
        'alert' | 'orgUnitShift' | 'partnerShift' | 'partnerEvidence'
    >[]
): number => {
    const agree =
        bothSystemsAgree(reasons) || movesWithPartner(reasons) || movesWithOrgUnit(reasons)
    const contradict = systemsContradict(reasons)
    if (!agree && !contradict) return partnerWeight(reasons)
    return (agree ? AGREEMENT_WEIGHT : 1) * (contradict ? CONTRADICTION_WEIGHT : 1)
}

/** The impact of an entry's findings (see the module comment) */
export const entryImpact = (reasons: readonly LeveledAlert[]): number => {
    if (reasons.length === 0) return 0
    const strength = Math.max(
        ...reasons.map((r) => strengthOf(r.alert) * foldOf(r.alert, r.orgUnitShift, r.partnerShift))
    )
    const shares = reasons
        .map((r) => r.parentShare)
        .filter((s): s is number => s !== null && s !== undefined && Number.isFinite(s))
    const share = shares.length > 0 ? Math.min(1, Math.max(...shares.map(Math.abs))) : 0
    const run = longestPeriodRun(reasons.map((r) => r.alert.period))
    return (
        strength *
        Math.sqrt(SHARE_FLOOR + share) *
        (1 + PERSISTENCE_WEIGHT * (run - 1)) *
        systemsWeight(reasons)
    )
}

export interface EntryRules {
    /** The facility level: entries above it follow the aggregate rule (module comment) */
    facilityLevel?: number | null
}

/**
 * The entries of some alerts: grouped by org unit × pair (the alert's own pair), the findings
 * below the outlier cut-off (`outlierZ`) left out, above facilities the single-period LMIS-flow
 * findings left out (module comment), ranked by impact (highest first, then by id).
 */
export const groupEntries = <A extends Alert>(
    alerts: readonly LeveledAlert<A>[],
    outlierZ?: number,
    { facilityLevel = null }: EntryRules = {}
): AlertEntry<A>[] => {
    const groups = new Map<string, LeveledAlert<A>[]>()
    for (const item of alerts) {
        if (tierOf(item.alert.severity, outlierZ) === null) continue
        const id = entryId(item.alert.orgUnitId, item.alert.pairId)
        const list = groups.get(id)
        if (list) list.push(item)
        else groups.set(id, [item])
    }
    const entries: AlertEntry<A>[] = []
    for (const [id, all] of groups) {
        const level = (all[0] as LeveledAlert<A>).level
        const list = facilityLevel !== null && level < facilityLevel ? aggregateReasons(all) : all
        if (list.length === 0) continue
        const reasons = [...list].sort(
            (a, b) =>
                strengthOf(b.alert) - strengthOf(a.alert) || (a.alert.id < b.alert.id ? -1 : 1)
        )
        const first = reasons[0] as LeveledAlert<A>
        let tier: Tier | null = null
        for (const r of reasons) tier = higherTier(tier, tierOf(r.alert.severity, outlierZ))
        const shares = reasons
            .map((r) => r.parentShare)
            .filter((s): s is number => typeof s === 'number' && Number.isFinite(s))
        entries.push({
            id,
            orgUnitId: first.alert.orgUnitId,
            pairId: first.alert.pairId,
            pairIds: [...new Set(reasons.flatMap((r) => [r.alert.pairId, ...r.pairIds]))],
            level: first.level,
            reasons,
            tier: tier ?? 'outlier',
            periods: [...new Set(reasons.map((r) => r.alert.period))].sort(),
            parentShare: shares.length > 0 ? Math.max(...shares.map(Math.abs)) : null,
            agreement: bothSystemsAgree(reasons) || movesWithPartner(reasons),
            contradiction: systemsContradict(reasons),
            impact: entryImpact(reasons),
        })
    }
    return rankEntries(entries)
}

/** Entries by impact, highest first, then by id (stable, locale-independent) */
export const rankEntries = <E extends Pick<AlertEntry, 'impact' | 'id'>>(
    entries: readonly E[]
): E[] =>
    [...entries].sort((a, b) => b.impact - a.impact || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
