/**
 * Contract: the app's analytics parser reads every recorded DHIS2 analytics response in
 * `../shared/fixtures/dhis2/analytics` (from the repository root; see its SOURCES.md), and what it
 * returns matches the raw JSON: counts, values, names, dimension order, hierarchy.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { VALUE_COLUMNS, parseAnalyticsResponse } from '../../src/api/analytics'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const FIXTURES = path.join(repoRoot, '../shared/fixtures/dhis2/analytics')

type RawResponse = {
    headers: { name: string }[]
    rows: string[][]
    metaData?: {
        items: Record<string, { name: string }>
        dimensions: Record<string, string[]>
        ouNameHierarchy?: Record<string, string>
    }
}

const readJson = (file: string): unknown =>
    JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8'))

/** `NAME.data.json`, with `metaData` from `NAME.metadata.json` when that file exists. */
const loadFixture = (name: string): RawResponse => {
    const data = readJson(`${name}.data.json`) as RawResponse
    const metadataFile = `${name}.metadata.json`
    if (existsSync(path.join(FIXTURES, metadataFile))) {
        const metadata = readJson(metadataFile) as Pick<RawResponse, 'metaData'>
        return { ...data, metaData: metadata.metaData }
    }
    return data
}

const names = readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.data.json'))
    .map((file) => file.replace(/\.data\.json$/, ''))
    .sort()

const toNumber = (cell: string): number | null => (cell === '' ? null : Number(cell))

describe('analytics fixtures', () => {
    it('are all found', () => {
        expect(names).toEqual(
            expect.arrayContaining([
                'deep',
                'degs',
                'emptyColumns',
                'hierarchy',
                'lastFiveYears',
                'simple',
                'target-with-legend',
                'weeklyColumns',
            ])
        )
    })

    describe.each(names)('%s', (name) => {
        const raw = loadFixture(name)
        const table = parseAnalyticsResponse(raw)
        const headerNames = raw.headers.map((header) => header.name)
        const dimensionNames = headerNames.filter(
            (header) => !(VALUE_COLUMNS as readonly string[]).includes(header)
        )

        it('keeps every row and finds the dimension columns by name', () => {
            expect(table.rows).toHaveLength(raw.rows.length)
            expect(table.dimensions).toEqual(dimensionNames)
            expect(table.headers.map((header) => header.name)).toEqual(headerNames)
        })

        it('finds every row by its coordinates, with the raw numbers', () => {
            const column = (header: string) => headerNames.indexOf(header)
            const mismatches: string[] = []
            raw.rows.forEach((cells, index) => {
                const coordinates = Object.fromEntries(
                    dimensionNames.map((dimension) => [dimension, cells[column(dimension)]])
                )
                const row = table.row(coordinates)
                for (const valueColumn of VALUE_COLUMNS) {
                    if (column(valueColumn) < 0) continue
                    const expected = toNumber(cells[column(valueColumn)] ?? '')
                    if (row?.[valueColumn] !== expected) {
                        mismatches.push(
                            `row ${index} ${valueColumn}: ${row?.[valueColumn]} ≠ ${expected}`
                        )
                    }
                }
            })
            expect(mismatches).toEqual([])
        })

        it('reads names and dimension order from metaData', () => {
            const metaData = raw.metaData
            expect(table.hasMetaData).toBe(metaData !== undefined)
            if (!metaData) {
                return
            }
            expect(Object.keys(table.items)).toHaveLength(Object.keys(metaData.items).length)
            for (const [id, item] of Object.entries(metaData.items)) {
                expect(table.itemName(id)).toBe(item.name)
            }
            for (const [dimension, ids] of Object.entries(metaData.dimensions)) {
                expect(table.itemIds(dimension)).toEqual(ids)
            }
            for (const [id, pathNames] of Object.entries(metaData.ouNameHierarchy ?? {})) {
                expect(table.displayName(id, { hierarchy: true })).toBe(
                    pathNames.split('/').filter(Boolean).join(' / ')
                )
            }
        })
    })
})

describe('analytics fixtures: sample values', () => {
    it('simple: a monthly national series, negative values and a row outside metaData', () => {
        const table = parseAnalyticsResponse(loadFixture('simple'))
        expect(table.value('fbfJHSPpUQD', '201907', 'ImspTQPwCqd')).toBe(461)
        expect(table.value('fbfJHSPpUQD', '201905', 'ImspTQPwCqd')).toBe(-461)
        expect(table.value('testing-extraneous-data', '201907', 'ImspTQPwCqd')).toBe(1234)
        expect(table.itemIds('pe')).toHaveLength(12)
        expect(table.displayName('ImspTQPwCqd')).toBe('Sierra Leone')
    })

    it('hierarchy: facility level with name paths', () => {
        const table = parseAnalyticsResponse(loadFixture('hierarchy'))
        expect(table.rows).toHaveLength(2197)
        expect(table.value('fbfJHSPpUQD', '2019', 'IXJg79fclDm')).toBe(671)
        expect(table.itemIds('ou')).toHaveLength(1166)
        expect(table.displayName('vRC0stJ5y9Q')).toBe('Bucksal Clinic')
        expect(table.displayName('vRC0stJ5y9Q', { hierarchy: true })).toBe(
            'Sierra Leone / Bo / Kakua / Bucksal Clinic'
        )
    })

    it('target-with-legend: indicators with numerator and denominator', () => {
        const table = parseAnalyticsResponse(loadFixture('target-with-legend'))
        const row = table.row({ dx: 'EY8gsfEomc0', pe: '2019Q1', ou: 'TEQlaapDQoK' })
        expect(row).toMatchObject({
            value: 97.9,
            numerator: 9761,
            denominator: 9969,
            factor: 100,
            multiplier: 100,
            divisor: 1,
        })
    })

    it('emptyColumns: disaggregations by category option combo', () => {
        const table = parseAnalyticsResponse(loadFixture('emptyColumns'))
        expect(table.dimensions).toEqual(['dx', 'co', 'pe'])
        expect(table.valueAt({ dx: 'fbfJHSPpUQD', co: 'PT59n8BQbqM', pe: '201910' })).toBe(3581)
        expect(table.value('fbfJHSPpUQD', '201910', 'ImspTQPwCqd', { co: 'PT59n8BQbqM' })).toBe(
            3581
        )
        expect(table.value('fbfJHSPpUQD', '201910')).toBeNull()
        expect(table.rowsWhere({ dx: 'fbfJHSPpUQD', pe: '201910' }).length).toBeGreaterThan(1)
    })

    it('degs, lastFiveYears, weeklyColumns: other dimensions and period types', () => {
        const degs = parseAnalyticsResponse(loadFixture('degs'))
        expect(degs.dimensions).toEqual(['jp826jAJHUc', 'pe'])
        expect(degs.valueAt({ jp826jAJHUc: 'oDkJh5Ddh7d', pe: '201909' })).toBe(11802)
        const years = parseAnalyticsResponse(loadFixture('lastFiveYears'))
        expect(years.row({ dx: 'dwEq7wi6nXV', pe: '2019' })).toMatchObject({
            value: 115,
            numerator: 291372,
            denominator: 253269,
        })
        const weeks = parseAnalyticsResponse(loadFixture('weeklyColumns'))
        expect(weeks.valueAt({ dx: 'nFICjJluo74', pe: '2020W1' })).toBe(1977)
    })

    it('deep: two dynamic dimensions, metaData inline', () => {
        const table = parseAnalyticsResponse(loadFixture('deep'))
        expect(table.rows).toHaveLength(4395)
        expect(
            table.valueAt({
                dx: 'pikOziyCXbM',
                pe: '2019Q2',
                J5jldMd8OHv: 'CXw2yu5fodb',
                fMZEcRHuamy: 'wbrDrL2aYEc',
                ou: 'qhqAxPSTUXp',
            })
        ).toBe(244)
        expect(table.itemIds('pe')).toEqual(['2019Q1', '2019Q2', '2019Q3', '2019Q4'])
    })
})
