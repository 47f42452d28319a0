import { describe, expect, it } from 'vitest'
import type { LevelScanData, ScanData } from './scan-data'
import { scanWindow } from './scan-plan'
import {
    ScanAssembler,
    partMessages,
    scanMessages,
    startMessage,
    type ScanWorkerMessage,
    type ScanWorkerRequest,
} from './scan-transfer'
import { DS, oxytocin, ors } from './test-fixtures'

const window = scanWindow('202610', 12, 6)

const level = (levelNo: number, units: number, facilityLevel: boolean): LevelScanData => {
    const ids = Array.from(
        { length: units },
        (_, i) => `Unit${levelNo}x${String(i).padStart(4, '0')}`
    )
    return {
        level: levelNo,
        facilityLevel,
        orgUnits: ids.map((id, i) => ({
            id,
            name: `Unit ${i}`,
            level: levelNo,
            ancestors: ['RootUnit001'],
            ancestorNames: ['Country'],
        })),
        series: ids.flatMap((id, i) =>
            [oxytocin, ors].map((pair) => ({
                pairId: pair.id,
                orgUnitId: id,
                casesItem: null,
                cases: window.months.map((_, m) => (m === i % 18 ? null : i + m)),
                consumption: null,
                stockOnHand: window.months.map(() => 0),
                stockoutDays: null,
                hmisValues: window.months.map((_, m) => m % 2 === 0),
                lmisValues: window.months.map(() => true),
                quarterly:
                    i % 3 === 0
                        ? { cases: [1, 2, null, 4, 5, 6], consumption: null, monthOffset: 1 }
                        : null,
            }))
        ),
        reports: Object.fromEntries(
            ids.map((id, i) => [
                id,
                {
                    [DS.hmis]: {
                        actual: window.months.map(() => i),
                        expected: window.months.map(() => 1),
                    },
                },
            ])
        ),
    }
}

const request: ScanWorkerRequest = {
    scan: {
        window,
        dataSets: [{ id: DS.hmis, name: 'HMIS', periodType: 'MONTHLY' }],
        itemNames: { a: 'Deliveries' },
        levels: [level(3, 7, false), level(4, 23, true)],
    } satisfies ScanData,
    pairs: [oxytocin, ors],
    overrides: { zScore: 4 },
    facilityLevel: 4,
}

describe('scan messages', () => {
    it('puts the scan back together exactly, in order, from small messages', () => {
        const messages = [...scanMessages(request, 5)]
        expect(messages[0]?.kind).toBe('start')
        expect(messages.at(-1)).toEqual({ kind: 'run' })
        for (const message of messages) {
            if (message.kind === 'orgUnits') expect(message.orgUnits.length).toBeLessThanOrEqual(5)
            if (message.kind === 'series') expect(message.series.length).toBeLessThanOrEqual(5)
            if (message.kind === 'reports') {
                expect(Object.keys(message.reports).length).toBeLessThanOrEqual(5)
            }
        }
        // 46 series of level 4 in 10 messages, its 23 org units in 5
        expect(messages.filter((m) => m.kind === 'series' && m.level === 1)).toHaveLength(10)
        expect(messages.filter((m) => m.kind === 'orgUnits' && m.level === 1)).toHaveLength(5)
        const assembler = new ScanAssembler()
        // Through a structured clone, as postMessage copies them
        const done = messages.map((message) => assembler.add(structuredClone(message)))
        expect(done.slice(0, -1).every((d) => !d)).toBe(true)
        expect(done.at(-1)).toBe(true)
        const [whole, ...more] = assembler.takeParts()
        expect(more).toEqual([])
        expect({ scan: whole, ...assembler.settings() }).toEqual(request)
        expect(Object.keys(whole?.levels[1]?.reports ?? {})).toEqual(
            Object.keys(request.scan.levels[1]?.reports ?? {})
        )
    })

    it('sends an empty scan as start and run', () => {
        const empty = { ...request, scan: { ...request.scan, levels: [] } }
        const messages = [...scanMessages(empty)]
        expect(messages.map((m) => m.kind)).toEqual(['start', 'part', 'partDone', 'run'])
        const assembler = new ScanAssembler()
        messages.forEach((m) => assembler.add(m))
        expect({ scan: assembler.takeParts()[0], ...assembler.settings() }).toEqual(empty)
    })

    it('gives each part as soon as it is whole, in order', () => {
        const first = { ...request.scan, levels: [level(3, 2, false)] }
        const second = { ...request.scan, levels: [level(3, 3, false), level(4, 4, true)] }
        const assembler = new ScanAssembler()
        assembler.add(startMessage(request))
        const parts = [first, second].map((part) => {
            const messages = [...partMessages(part, 2)]
            messages.slice(0, -1).forEach((m) => assembler.add(structuredClone(m)))
            // nothing before its end
            expect(assembler.takeParts()).toEqual([])
            expect(assembler.add(messages.at(-1) as (typeof messages)[number])).toBe(false)
            return assembler.takeParts()
        })
        expect(parts).toEqual([[first], [second]])
        expect(assembler.takeParts()).toEqual([])
        expect(assembler.add({ kind: 'run' })).toBe(true)
    })

    it('refuses a part cut short', () => {
        const assembler = new ScanAssembler()
        assembler.add(startMessage(request))
        assembler.add([...partMessages(request.scan)][0] as ScanWorkerMessage)
        expect(() => assembler.add({ kind: 'run' })).toThrow(/middle of a part/)
    })

    it('refuses pieces before the start', () => {
        const assembler = new ScanAssembler()
        expect(() => assembler.add({ kind: 'series', level: 0, series: [] })).toThrow(/start/)
        expect(() => assembler.settings()).toThrow()
    })
})
