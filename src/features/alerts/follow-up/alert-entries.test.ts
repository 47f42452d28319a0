import { describe, expect, it } from 'vitest'
import type { Alert } from '../../../domain/alerts'
import {
    applyAction,
    emptyFollowUp,
    followUpsByEntry,
    reasonPrints,
    type FollowUp,
    type FollowUpAction,
} from '../../../domain/follow-up/follow-up'
import type { ScanAlert } from '../scan-alerts'
import {
    alertEntries,
    alertsCsv,
    assignableOrgUnits,
    filterByFollowUp,
    scanFollowUps,
    type ExportLabels,
} from './alert-entries'

const outlier = (ou: string, pair: string, period: string, value: number): ScanAlert => ({
    alert: {
        id: `spike:${pair}:${ou}:${period}:consumption`,
        type: 'spike',
        pairId: pair,
        orgUnitId: ou,
        period,
        severity: 8,
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
            zScore: 8,
            changePercent: 900,
            baselineSize: 12,
        },
    } as Alert,
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

describe('alert entries', () => {
    it('groups alerts by org unit × pair with all their reasons', () => {
        const entries = alertEntries([
            outlier('F1', 'oxy', '202603', 900),
            outlier('F1', 'oxy', '202604', 800),
            outlier('F2', 'oxy', '202604', 700),
        ])
        expect(entries.map((e) => [e.orgUnitId, e.pairId, e.reasons.length])).toEqual([
            ['F1', 'oxy', 2],
            ['F2', 'oxy', 1],
        ])
    })

    it('stays resolved on a rescan of the same values, reopens when a value changed', () => {
        const scan = [outlier('F1', 'oxy', '202604', 900)]
        const resolved = act(emptyFollowUp('F1', 'oxy'), {
            action: 'resolve',
            fingerprints: reasonPrints(alertEntries(scan)[0]?.reasons ?? []),
        })
        const stored = followUpsByEntry([resolved])
        expect(scanFollowUps(scan, stored).get('F1:oxy')?.status).toBe('resolved')
        const corrected = scanFollowUps([outlier('F1', 'oxy', '202604', 901)], stored)
        expect(corrected.get('F1:oxy')).toMatchObject({ status: 'open', dataChanged: true })
    })

    it('filters by follow-up status, an alert without one counting as open', () => {
        const scan = [outlier('F1', 'oxy', '202604', 900), outlier('F2', 'oxy', '202604', 700)]
        const stored = followUpsByEntry([
            act(emptyFollowUp('F1', 'oxy'), {
                action: 'resolve',
                fingerprints: reasonPrints(alertEntries(scan)[0]?.reasons ?? []),
            }),
        ])
        const merged = scanFollowUps(scan, stored)
        const ous = (f: Parameters<typeof filterByFollowUp>[2]) =>
            filterByFollowUp(scan, merged, f).map((a) => a.alert.orgUnitId)
        expect(ous('all')).toEqual(['F1', 'F2'])
        expect(ous('notResolved')).toEqual(['F2'])
        expect(ous('resolved')).toEqual(['F1'])
        expect(ous('open')).toEqual(['F2'])
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
            'Severity',
            'Type',
            'Org unit',
            'Path',
            'Level',
            'Pair',
            'Period',
            'Why',
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

    it('writes the ranked rows with reasons and follow-up, comments with who and when', () => {
        let f = act(emptyFollowUp('F1', 'oxy'), {
            action: 'assign',
            assignee: { kind: 'user', id: 'u2', name: 'Fatima Kamara' },
        })
        f = act(f, { action: 'comment', text: 'Stock "count" wrong, =recount' })
        const merged = scanFollowUps([outlier('F1', 'oxy', '202604', 900)], followUpsByEntry([f]))
        const csv = alertsCsv(
            [
                {
                    rank: 1,
                    severity: 8.04,
                    type: 'Spike',
                    orgUnit: 'Kasulu <img src=x> HP',
                    path: 'Nation / Region',
                    level: 'Facility',
                    pair: 'Oxytocin ↔ Deliveries',
                    period: 'April 2026',
                    description: 'Consumption rose, 900 against 90 usually.',
                    followUp: merged.get('F1:oxy'),
                },
                {
                    rank: 2,
                    severity: 4,
                    type: 'Collapse',
                    orgUnit: '-Minus',
                    path: '',
                    level: 'District',
                    pair: 'ORS',
                    period: 'March 2026',
                    description: 'x',
                    followUp: undefined,
                },
            ],
            labels
        )
        const lines = csv.replace(/^\uFEFF/, '').split('\r\n')
        expect(lines[0]).toBe(labels.headers.join(','))
        expect(lines[1]).toBe(
            '1,8,Spike,Kasulu <img src=x> HP,Nation / Region,Facility,Oxytocin ↔ Deliveries,April 2026,' +
                '"Consumption rose, 900 against 90 usually.",acknowledged,Fatima Kamara,comment,Amina Diallo,2026-05-02,' +
                '"Amina Diallo (2026-05-02): Stock ""count"" wrong, =recount"'
        )
        // Formula-like text is neutralised, an alert without follow-up is open
        expect(lines[2]).toBe("2,4,Collapse,'-Minus,,District,ORS,March 2026,x,open,,,,,")
    })
})
