import { describe, expect, it } from 'vitest'
import type { Alert, StockoutAlert } from '../../../domain/alerts'
import {
    applyAction,
    emptyFollowUp,
    followUpsByEntry,
    type FollowUp,
    type FollowUpAction,
} from '../../../domain/follow-up/follow-up'
import type { ScanAlert } from '../scan-alerts'
import { scanEntries } from '../scan-entries'
import {
    alertsCsv,
    assignableOrgUnits,
    entryPrints,
    filterByFollowUp,
    followUpKeyOf,
    scanFollowUps,
    type ExportLabels,
} from './alert-entries'

const outlier = (
    ou: string,
    pair: string,
    period: string,
    value: number,
    severity = 8,
    parentShare: number | null = 0.1
): ScanAlert => ({
    alert: {
        id: `spike:${pair}:${ou}:${period}:consumption`,
        type: 'spike',
        pairId: pair,
        orgUnitId: ou,
        period,
        severity,
        magnitude: 900,
        direction: 'up',
        series: 'lmis',
        measure: 'consumption',
        method: 'MAD',
        details: {
            value,
            median: 90,
            mad: 10,
            meanAbsoluteDeviation: 12,
            zScore: severity,
            changePercent: 900,
            baselineSize: 12,
        },
    } as Alert,
    pairIds: [pair],
    level: 4,
    parentShare,
})

const stockout = (ou: string, pair: string, period: string, cases: number): ScanAlert => ({
    alert: {
        id: `stockoutWithCases:${pair}:${ou}:${period}`,
        type: 'stockoutWithCases',
        pairId: pair,
        orgUnitId: ou,
        period,
        severity: 6,
        magnitude: 100,
        direction: 'down',
        series: 'both',
        reason: 'noStock',
        details: {
            stockOnHand: 0,
            stockoutDays: 30,
            stockoutRate: null,
            stockoutRateMedian: null,
            cases,
            casesMedian: 10,
            casesPercentOfUsual: 100,
            baselineSize: 12,
        },
    } satisfies StockoutAlert,
    pairIds: [pair],
    level: 4,
})

const by = { id: 'u1', name: 'Amina Diallo' }
let n = 0
const act = (f: FollowUp, action: FollowUpAction, at = '2026-05-02T10:00:00.000Z') => {
    const r = applyAction(f, action, by, at, () => `e${++n}`)
    if (!r.ok) throw new Error(r.reason)
    return r.followUp
}

/** The ranked entries of some alerts, as the Alerts page makes them */
const entriesOf = (alerts: ScanAlert[]) => scanEntries(alerts, { facilityLevel: 4 })

/** A follow-up of the first entry of `alerts`, resolved on its reasons */
const resolvedOn = (alerts: ScanAlert[]) => {
    const entry = entriesOf(alerts)[0]
    if (!entry) throw new Error('no entry')
    return followUpsByEntry([
        act(emptyFollowUp(entry.orgUnitId, entry.pairId), {
            action: 'resolve',
            fingerprints: entryPrints(entry),
        }),
    ])
}

describe('follow-up of the ranked entries', () => {
    it('keys a follow-up by the entry: its org unit × pair, whatever its number of reasons', () => {
        const entries = entriesOf([
            outlier('F1', 'oxy', '202603', 900),
            outlier('F1', 'oxy', '202604', 800),
            outlier('F2', 'oxy', '202604', 700),
        ])
        expect(entries.map((e) => [followUpKeyOf(e), e.reasons.length])).toEqual([
            ['F1:oxy', 2],
            ['F2:oxy', 1],
        ])
        // The key of the follow-up is the entry's id
        expect(entries.map((e) => e.id)).toEqual(entries.map(followUpKeyOf))
        expect([...scanFollowUps(entries, new Map()).keys()]).toEqual(['F1:oxy', 'F2:oxy'])
    })

    it('fingerprints every reason of the entry: stays resolved on the same values, reopens when one changes or is added', () => {
        const scan = [outlier('F1', 'oxy', '202603', 900), outlier('F1', 'oxy', '202604', 800)]
        const stored = resolvedOn(scan)
        expect(scanFollowUps(entriesOf(scan), stored).get('F1:oxy')?.status).toBe('resolved')
        // The second reason's value corrected
        const corrected = [outlier('F1', 'oxy', '202603', 900), outlier('F1', 'oxy', '202604', 801)]
        expect(scanFollowUps(entriesOf(corrected), stored).get('F1:oxy')).toMatchObject({
            status: 'open',
            dataChanged: true,
        })
        // A new month flagged
        const added = [...scan, outlier('F1', 'oxy', '202605', 700)]
        expect(scanFollowUps(entriesOf(added), stored).get('F1:oxy')?.dataChanged).toBe(true)
        // A reason gone (its month left the window) reopens nothing
        const gone = [outlier('F1', 'oxy', '202604', 800)]
        expect(scanFollowUps(entriesOf(gone), stored).get('F1:oxy')?.status).toBe('resolved')
    })

    it('leaves out what is not a reason of the entry: stockouts (listed apart), findings below the cut-off', () => {
        const scan = [outlier('F1', 'oxy', '202604', 900)]
        const stored = resolvedOn(scan)
        const withOthers = [
            ...scan,
            stockout('F1', 'oxy', '202604', 14),
            outlier('F1', 'oxy', '202605', 300, 2),
        ]
        const entries = entriesOf(withOthers)
        expect(entries[0]?.reasons).toHaveLength(1)
        expect(entryPrints(entries[0] as (typeof entries)[number])).toEqual(
            entryPrints(entriesOf(scan)[0] as (typeof entries)[number])
        )
        expect(scanFollowUps(entries, stored).get('F1:oxy')?.status).toBe('resolved')
    })

    it('filters the entries by follow-up status in their ranked order, one without a follow-up counting as open', () => {
        const scan = [
            outlier('F1', 'oxy', '202604', 900, 30, 0.5),
            outlier('F2', 'oxy', '202604', 700, 10, 0.2),
            outlier('F3', 'oxy', '202604', 700, 6, 0.1),
        ]
        const entries = entriesOf(scan)
        expect(entries.map((e) => e.orgUnitId)).toEqual(['F1', 'F2', 'F3'])
        const stored = followUpsByEntry([
            act(emptyFollowUp('F2', 'oxy'), {
                action: 'resolve',
                fingerprints: entryPrints(entries[1] as (typeof entries)[number]),
            }),
            act(emptyFollowUp('F3', 'oxy'), { action: 'acknowledge' }),
        ])
        const merged = scanFollowUps(entries, stored)
        const ous = (f: Parameters<typeof filterByFollowUp>[2]) =>
            filterByFollowUp(entries, merged, f).map((e) => e.orgUnitId)
        expect(ous('all')).toEqual(['F1', 'F2', 'F3'])
        expect(ous('notResolved')).toEqual(['F1', 'F3'])
        expect(ous('resolved')).toEqual(['F2'])
        expect(ous('open')).toEqual(['F1'])
        expect(ous('acknowledged')).toEqual(['F3'])
    })

    it('offers the org unit then its ancestors upwards for assignment', () => {
        expect(
            assignableOrgUnits({
                id: 'F1',
                name: 'Kasulu HP',
                ancestors: ['N', 'R', 'D'],
                ancestorNames: ['Nation', 'Region', 'District'],
            })
        ).toEqual([
            { id: 'F1', name: 'Kasulu HP' },
            { id: 'D', name: 'District' },
            { id: 'R', name: 'Region' },
            { id: 'N', name: 'Nation' },
        ])
        expect(assignableOrgUnits(undefined)).toEqual([])
    })
})

describe('alertsCsv', () => {
    const labels: ExportLabels = {
        headers: [
            '#',
            'Tier',
            'Org unit',
            'Path',
            'Level',
            'Pair',
            'Periods',
            'Reasons',
            'Share (%)',
            'Status',
            'Assigned to',
            'Last action',
            'By',
            'When',
            'Comments',
        ],
        status: (f) => (f ? f.status : 'open'),
        assignee: (f) => f.assignee?.name ?? '',
        event: (e) => e.action,
        when: (iso) => iso.slice(0, 10),
    }

    it('writes one row per entry: rank, tier, every reason, parent share, follow-up and comments with who and when', () => {
        let f = act(emptyFollowUp('F1', 'oxy'), {
            action: 'assign',
            assignee: { kind: 'user', id: 'u2', name: 'Fatima Kamara' },
        })
        f = act(f, { action: 'comment', text: 'Stock "count" wrong, =recount' })
        const merged = scanFollowUps(
            entriesOf([outlier('F1', 'oxy', '202604', 900)]),
            followUpsByEntry([f])
        )
        const csv = alertsCsv(
            [
                {
                    rank: 1,
                    tier: 'Extreme',
                    orgUnit: 'Kasulu <img src=x> HP',
                    path: 'Nation / Region',
                    level: 'Facility',
                    pair: 'Oxytocin ↔ Deliveries',
                    periods: 'March 2026, April 2026',
                    reasons: [
                        'Spike — Consumption rose, 900 against 90 usually.',
                        'Spike — Consumption rose in March.',
                    ],
                    parentShare: 0.12345,
                    followUp: merged.get('F1:oxy'),
                },
                {
                    rank: 2,
                    tier: 'Outlier',
                    orgUnit: '-Minus',
                    path: '',
                    level: 'District',
                    pair: 'ORS',
                    periods: 'March 2026',
                    reasons: ['x'],
                    parentShare: null,
                    followUp: undefined,
                },
            ],
            labels
        )
        const lines = csv.replace(/^\uFEFF/, '').split('\r\n')
        expect(lines[0]).toBe(labels.headers.join(','))
        expect(lines[1]).toBe(
            '1,Extreme,Kasulu <img src=x> HP,Nation / Region,Facility,Oxytocin ↔ Deliveries,"March 2026, April 2026",' +
                '"Spike — Consumption rose, 900 against 90 usually.\nSpike — Consumption rose in March.",12.3,' +
                'acknowledged,Fatima Kamara,comment,Amina Diallo,2026-05-02,' +
                '"Amina Diallo (2026-05-02): Stock ""count"" wrong, =recount"'
        )
        // Formula-like text is neutralised, an entry without follow-up is open
        expect(lines[2]).toBe("2,Outlier,'-Minus,,District,ORS,March 2026,x,,open,,,,,")
    })
})
