/**
 * Contract: the demo DHIS2's `/api/analytics` answers with exactly the shape of the recorded DHIS2
 * responses in `../shared/fixtures/dhis2/analytics` (see its SOURCES.md). For each recording, the
 * demo answers the equivalent request (the same dimensions over the demo test database, relative
 * periods landing on its data) split as the dhis2/analytics library splits it: a data request
 * (`skipMeta`, `includeNumDen`, `displayProperty=SHORTNAME`) and a metadata request (`skipData`,
 * `includeMetadataDetails`). Compared: top-level keys and their order, headers (names, columns,
 * types, order), metaData keys, item property lists per item kind, dimension keys, row layout and
 * the formatting of every value.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DemoAnalytics } from '../../demo/src/analytics'
import { ADMIN, buildFixtureDb, FX } from '../../demo/src/analytics/testing/fixture'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const FIXTURES = path.join(repoRoot, '../shared/fixtures/dhis2/analytics')

type Item = Record<string, string>
interface Response {
    headers?: {
        name: string
        column: string
        valueType: string
        type: string
        hidden: boolean
        meta: boolean
    }[]
    metaData?: { items: Record<string, Item>; dimensions: Record<string, string[]> } & Record<
        string,
        unknown
    >
    rows: string[][]
    width: number
    height: number
    headerWidth: number
}

const readFixture = (file: string): Response =>
    JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as Response

const db = buildFixtureDb()
// Relative periods land on the test database's data (2023–2024)
// The recorded responses give periods and org units `valueType: NUMBER`: a release before 2.40.4
// (`MetadataItem.getValueType` gives TEXT from 2.40.4 / 2.41.1), so the demo answers as 2.40.0
const analytics = new DemoAnalytics(db, {
    now: () => new Date(2025, 0, 15),
    dhis2Version: '2.40.0',
})

const fetchDemo = (query: string): { json: Response; raw: string } => {
    const outcome = analytics.run(new URLSearchParams(query), ADMIN)
    if (!outcome.ok) throw outcome.error
    const raw = outcome.body.toString('utf8')
    return { json: JSON.parse(raw) as Response, raw }
}

/** Top-level keys in the order they appear in the raw body. */
const topLevelKeys = (raw: string): string[] =>
    [...raw.matchAll(/"(headers|metaData|width|rows|height|headerWidth)":/g)]
        .map((m) => m[1] as string)
        .filter((k, i, all) => all.indexOf(k) === i)

type ItemKind =
    'PERIOD' | 'ORGANISATION_UNIT' | 'DATA_ELEMENT' | 'INDICATOR' | 'COC' | 'DIMENSION' | 'KEYWORD'

const kindOf = (item: Item): ItemKind => {
    if (item['dimensionType']) return 'DIMENSION'
    const type = item['dimensionItemType']
    if (
        type === 'PERIOD' ||
        type === 'ORGANISATION_UNIT' ||
        type === 'DATA_ELEMENT' ||
        type === 'INDICATOR'
    )
        return type
    if (item['valueType']) return 'COC'
    return 'KEYWORD'
}

/** Properties that only some objects have (a description, a legend set, a code). */
const OPTIONAL = new Set(['description', 'legendSet', 'code'])
const required = (keys: string[]): string[] => keys.filter((k) => !OPTIONAL.has(k))

/** Key lists of the recorded items, per kind (keywords: each distinct list). */
const recordedItemKeys = (items: Record<string, Item>): Map<ItemKind, string[][]> => {
    const map = new Map<ItemKind, string[][]>()
    for (const item of Object.values(items)) {
        const kind = kindOf(item)
        const keys = Object.keys(item)
        const list = map.get(kind) ?? []
        if (!list.some((k) => k.join() === keys.join())) list.push(keys)
        map.set(kind, list)
    }
    return map
}

const JAVA_DOUBLE = /^-?\d+\.\d+(E-?\d+)?$/
const JAVA_INTEGER = /^-?\d+$/

interface Case {
    name: string
    /** The recording's request (dimension / filter parameters and flags) in demo terms */
    query: string
    /** Columns of the recording that the demo does not have (dynamic dimensions it does not hold) */
    unsupportedColumns?: string[]
    /** Dynamic dimensions of the recording and their demo equivalent: id and display name */
    renamed?: Record<string, { name: string; column: string }>
}

const cases: Case[] = [
    {
        name: 'simple',
        query: `dimension=dx:${FX.deSum}&dimension=pe:LAST_12_MONTHS&dimension=ou:${FX.root}`,
    },
    {
        name: 'hierarchy',
        query: `dimension=dx:${FX.deSum};${FX.deAverage}&dimension=pe:THIS_YEAR;LAST_YEAR&dimension=ou:${FX.root};LEVEL-4&showHierarchy=true`,
    },
    {
        name: 'emptyColumns',
        query: `dimension=dx:${FX.deAvgSum};${FX.deSum}&dimension=co&dimension=pe:LAST_12_MONTHS&filter=ou:${FX.root}`,
    },
    {
        name: 'lastFiveYears',
        query: `dimension=pe:LAST_5_YEARS&dimension=dx:${FX.indRate}&filter=ou:${FX.root}`,
    },
    {
        name: 'target-with-legend',
        query: `dimension=dx:${FX.indRate};${FX.indOperands};${FX.indMixed}&dimension=pe:LAST_4_QUARTERS&dimension=ou:${FX.districtA1};${FX.districtA2};${FX.districtB1}`,
    },
    {
        // An org unit group set (facility type) as a dimension; the recording's category
        // dimension has no demo equivalent
        name: 'deep',
        query: `dimension=pe:LAST_4_QUARTERS&dimension=${FX.groupSetType}&dimension=dx:${FX.deSum};${FX.deSumZero};${FX.deLast}&dimension=ou:${FX.regionA};${FX.regionB};${FX.districtB1}`,
        unsupportedColumns: ['fMZEcRHuamy'],
        renamed: { J5jldMd8OHv: { name: FX.groupSetType, column: 'Facility type' } },
    },
]

const withMetaData = (name: string): Response => {
    const data = readFixture(`${name}.data.json`)
    const metaFile = `${name}.metadata.json`
    return existsSync(path.join(FIXTURES, metaFile))
        ? { ...data, metaData: readFixture(metaFile).metaData }
        : data
}

describe.skipIf(!existsSync(FIXTURES))(
    'demo /api/analytics has the shape of recorded DHIS2 responses',
    () => {
        for (const c of cases) {
            describe(c.name, () => {
                const recorded = withMetaData(c.name)
                const data = fetchDemo(
                    `${c.query}&skipMeta=true&includeNumDen=true&displayProperty=SHORTNAME`
                )
                const meta = fetchDemo(`${c.query}&skipData=true&includeMetadataDetails=true`)

                it('data request: same top-level keys, headers and row layout', () => {
                    expect(topLevelKeys(data.raw)).toEqual([
                        'headers',
                        'width',
                        'rows',
                        'height',
                        'headerWidth',
                    ])
                    const recordedHeaders = (recorded.headers ?? [])
                        .filter((h) => !(c.unsupportedColumns ?? []).includes(h.name))
                        .map((h) => ({ ...h, ...c.renamed?.[h.name] }))
                    expect(data.json.headers).toEqual(recordedHeaders)
                    const width = recordedHeaders.length
                    expect(data.json.headerWidth).toBe(width)
                    expect(data.json.height).toBe(data.json.rows.length)
                    expect(data.json.rows.length).toBeGreaterThan(0)
                    expect(data.json.width).toBe(width)
                    for (const row of data.json.rows) expect(row).toHaveLength(width)
                })

                it('data request: values and numerator columns formatted as DHIS2', () => {
                    const headers = (data.json.headers ?? []).map((h) => h.name)
                    const at = (name: string): number => headers.indexOf(name)
                    const formatOf = (cell: string): string =>
                        cell === ''
                            ? 'empty'
                            : JAVA_INTEGER.test(cell)
                              ? 'integer'
                              : JAVA_DOUBLE.test(cell)
                                ? 'double'
                                : cell
                    const shapes = (rows: string[][]): Set<string> =>
                        new Set(
                            rows.map((r) =>
                                [
                                    'value',
                                    'numerator',
                                    'denominator',
                                    'factor',
                                    'multiplier',
                                    'divisor',
                                ]
                                    .map((n) => formatOf(r[at(n)] as string))
                                    .join(',')
                            )
                        )
                    const recordedShapes = shapes(
                        recorded.rows.map((r) => {
                            const names = (recorded.headers ?? []).map(
                                (h) => c.renamed?.[h.name]?.name ?? h.name
                            )
                            return headers.map((n) => r[names.indexOf(n)] as string)
                        })
                    )
                    expect([...shapes(data.json.rows)].every((s) => recordedShapes.has(s))).toBe(
                        true
                    )
                })

                it('metadata request: same keys, item property lists and dimensions', () => {
                    expect(topLevelKeys(meta.raw)).toEqual([
                        'metaData',
                        'width',
                        'rows',
                        'height',
                        'headerWidth',
                    ])
                    expect([
                        meta.json.rows,
                        meta.json.width,
                        meta.json.height,
                        meta.json.headerWidth,
                    ]).toEqual([[], 0, 0, 0])
                    const ours = meta.json.metaData
                    const theirs = recorded.metaData
                    if (!ours || !theirs) throw new Error('metaData missing')
                    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort())
                    const supportedDims = Object.keys(theirs.dimensions)
                        .filter((d) => !(c.unsupportedColumns ?? []).includes(d))
                        .map((d) => c.renamed?.[d]?.name ?? d)
                    expect(Object.keys(ours.dimensions).sort()).toEqual(supportedDims.sort())
                    const recordedKeys = recordedItemKeys(theirs.items)
                    for (const [id, item] of Object.entries(ours.items)) {
                        const kind = kindOf(item)
                        const candidates = recordedKeys.get(kind)
                        expect(candidates, `${kind} item ${id}`).toBeDefined()
                        // An indicator's `indicatorType` (dhis2-core `MetadataItem`, 2.39–2.42) is
                        // newer than the recorded responses: checked in analytics/versions.test.ts
                        const keys = required(
                            Object.keys(item).filter((k) => k !== 'indicatorType')
                        )
                        expect(
                            candidates?.some((k) => required(k).join() === keys.join()),
                            `${id}: ${keys.join()} not in ${JSON.stringify(candidates)}`
                        ).toBe(true)
                    }
                    // Every dimension item has a metadata item
                    for (const ids of Object.values(ours.dimensions)) {
                        for (const id of ids) expect(ours.items[id], id).toBeDefined()
                    }
                })

                it('data rows refer to items of the metadata', () => {
                    const headers = (data.json.headers ?? [])
                        .filter((h) => h.meta)
                        .map((h) => h.name)
                    const dims = meta.json.metaData?.dimensions ?? {}
                    for (const row of data.json.rows) {
                        headers.forEach((name, i) => expect(dims[name]).toContain(row[i]))
                    }
                })
            })
        }

        it('hierarchy: ouNameHierarchy paths as recorded (/Root/.../Facility)', () => {
            const recorded = withMetaData('hierarchy').metaData?.['ouNameHierarchy'] as Record<
                string,
                string
            >
            const sample = Object.values(recorded)[0] as string
            expect(sample.split('/')).toHaveLength(5)
            const ours = fetchDemo(
                `dimension=dx:${FX.deSum}&dimension=pe:LAST_YEAR&dimension=ou:${FX.root};LEVEL-4&showHierarchy=true&skipData=true`
            ).json.metaData?.['ouNameHierarchy'] as Record<string, string>
            expect(Object.keys(ours)).toHaveLength(db.facilities.length)
            for (const value of Object.values(ours)) expect(value.split('/')).toHaveLength(5)
        })
    }
)
