import {
    AnalyticsResponseError,
    dimensionItem,
    parseAnalyticsNumber,
    parseAnalyticsResponse,
    valuesByPeriod,
} from './index'

const header = (name: string, meta = true) => ({
    name,
    column: name,
    valueType: meta ? 'TEXT' : 'NUMBER',
    type: meta ? 'java.lang.String' : 'java.lang.Double',
    hidden: false,
    meta,
})

const response = {
    headers: [
        header('pe'),
        header('dx'),
        header('value', false),
        header('ou'),
        header('numerator', false),
        header('denominator', false),
    ],
    rows: [
        ['202401', 'deUid000001', '12.0', 'ouUid000001', '', ''],
        ['202402', 'deUid000001', '0', 'ouUid000001', '', ''],
        ['202401', 'inUid000001', '87.5', 'ouUid000001', '7.0', '8.0'],
        ['202402', 'inUid000001', '', 'ouUid000001', '', ''],
    ],
    metaData: {
        items: {
            deUid000001: { uid: 'deUid000001', name: '<img src=x onerror=alert(1)>' },
            ouUid000001: { name: 'Bo' },
            '202401': { uid: '202401', name: 'January 2024', startDate: '2024-01-01T00:00:00.000' },
        },
        dimensions: {
            pe: ['202401', '202402'],
            dx: ['deUid000001', 'inUid000001'],
            ou: ['ouUid000001'],
        },
        ouHierarchy: { ouUid000001: '/rootUid0001/regUid00001' },
        ouNameHierarchy: { ouUid000001: '/Sierra Leone/Southern/Bo' },
    },
    width: 6,
    height: 4,
}

describe('parseAnalyticsResponse', () => {
    const table = parseAnalyticsResponse(response)

    it('reads a dx/pe/ou cell the same whichever way it is asked for', () => {
        for (const dx of ['deUid000001', 'inUid000001', 'nothing0001']) {
            for (const pe of ['202401', '202402', '202403']) {
                expect(table.value(dx, pe, 'ouUid000001')).toBe(
                    table.valueAt({ ou: 'ouUid000001', dx, pe })
                )
            }
        }
        expect(table.value('deUid000001', '202401', 'ouUid000001')).toBe(12)
        expect(table.value('deUid000001', '202401', 'otherOu0001')).toBeNull()
    })

    it('reads columns by header name, whatever their order', () => {
        expect(table.dimensions).toEqual(['pe', 'dx', 'ou'])
        expect(table.rows).toHaveLength(4)
        expect(table.value('deUid000001', '202401', 'ouUid000001')).toBe(12)
        expect(table.rows[2]).toEqual({
            dims: { pe: '202401', dx: 'inUid000001', ou: 'ouUid000001' },
            value: 87.5,
            rawValue: '87.5',
            numerator: 7,
            denominator: 8,
            factor: null,
            multiplier: null,
            divisor: null,
        })
    })

    it('keeps zeros and turns empty strings into null', () => {
        expect(table.value('deUid000001', '202402', 'ouUid000001')).toBe(0)
        expect(table.value('inUid000001', '202402', 'ouUid000001')).toBeNull()
        expect(
            table.row({ dx: 'inUid000001', pe: '202402', ou: 'ouUid000001' })?.rawValue
        ).toBeNull()
    })

    it('gives null for missing rows or incomplete coordinates, ignoring filter dimensions', () => {
        expect(table.value('deUid000001', '202403', 'ouUid000001')).toBeNull()
        expect(table.value('deUid000001', '202401')).toBeNull()
        expect(table.valueAt({ dx: 'deUid000001', pe: '202401', ou: 'ouUid000001', co: 'x' })).toBe(
            12
        )
        expect(table.rowsWhere({ dx: 'deUid000001' }).map((row) => row.value)).toEqual([12, 0])
        expect(table.rowsWhere({})).toHaveLength(4)
    })

    it('reads names, hierarchy and dimension order from metaData', () => {
        expect(table.hasMetaData).toBe(true)
        expect(table.itemName('deUid000001')).toBe('<img src=x onerror=alert(1)>')
        expect(table.itemName('nope')).toBeUndefined()
        expect(table.displayName('ouUid000001')).toBe('Bo')
        expect(table.displayName('ouUid000001', { hierarchy: true })).toBe(
            'Sierra Leone / Southern / Bo'
        )
        expect(table.displayName('ouUid000001', { hierarchy: true, separator: ' > ' })).toBe(
            'Sierra Leone > Southern > Bo'
        )
        expect(table.displayName('inUid000001', { hierarchy: true })).toBe('inUid000001')
        expect(table.items['202401']).toEqual({
            uid: '202401',
            name: 'January 2024',
            startDate: '2024-01-01T00:00:00.000',
        })
        expect(table.itemIds('dx')).toEqual(['deUid000001', 'inUid000001'])
        expect(table.ouHierarchy.ouUid000001).toEqual(['rootUid0001', 'regUid00001'])
        expect(table.ouNameHierarchy.ouUid000001).toEqual(['Sierra Leone', 'Southern', 'Bo'])
    })

    it('works without metaData (skipMeta=true)', () => {
        const { metaData: _metaData, ...withoutMeta } = response
        const bare = parseAnalyticsResponse(withoutMeta)
        expect(bare.hasMetaData).toBe(false)
        expect(bare.itemIds('pe')).toEqual(['202401', '202402'])
        expect(bare.itemIds('zz')).toEqual([])
        expect(bare.displayName('deUid000001')).toBe('deUid000001')
    })

    it('reads an empty response and a metadata-only response', () => {
        const empty = parseAnalyticsResponse({ headers: response.headers, rows: [] })
        expect(empty.rows).toEqual([])
        expect(empty.value('a', 'b', 'c')).toBeNull()
        const metaOnly = parseAnalyticsResponse({
            metaData: response.metaData,
            rows: [],
            height: 0,
        })
        expect(metaOnly.dimensions).toEqual([])
        expect(metaOnly.itemName('ouUid000001')).toBe('Bo')
    })

    it('drops the org unit itself from an ouHierarchy path that includes it', () => {
        const table2 = parseAnalyticsResponse({
            headers: [header('ou'), header('value', false)],
            rows: [],
            metaData: { items: {}, dimensions: {}, ouHierarchy: { b: 'a/b', r: '' } },
        })
        expect(table2.ouHierarchy).toEqual({ b: ['a'], r: [] })
    })

    it('accepts numbers and null cells defensively', () => {
        const table2 = parseAnalyticsResponse({
            headers: [header('dx'), header('value', false)],
            rows: [
                ['a', 5],
                ['b', null],
                ['c', 'n/a'],
            ],
        })
        expect(table2.valueAt({ dx: 'a' })).toBe(5)
        expect(table2.valueAt({ dx: 'b' })).toBeNull()
        expect(table2.valueAt({ dx: 'c' })).toBeNull()
        expect(table2.row({ dx: 'c' })?.rawValue).toBe('n/a')
    })
})

describe('cells', () => {
    it('keeps the rows as they came, with where the dimensions and the value are', () => {
        const table = parseAnalyticsResponse(response)
        expect(table.dimensions).toEqual(['pe', 'dx', 'ou'])
        expect(table.cells?.dimensionColumns).toEqual([0, 1, 3])
        expect(table.cells?.valueColumn).toBe(2)
        expect(table.cells?.rows).toBe(response.rows)
        // The rows read from them, on first use
        expect(table.rows[2]?.dims).toEqual({ pe: '202401', dx: 'inUid000001', ou: 'ouUid000001' })
        expect(table.rows[2]?.numerator).toBe(7)
        expect(table.rows).toBe(table.rows)
    })

    it('reads a null dimension cell as no item', () => {
        expect(dimensionItem(null)).toBe('')
        expect(dimensionItem(undefined)).toBe('')
        expect(dimensionItem(12)).toBe('12')
        const table = parseAnalyticsResponse({
            headers: [header('dx'), header('co'), header('value', false)],
            rows: [['a', null, '5']],
        })
        expect(table.rows[0]?.dims).toEqual({ dx: 'a', co: '' })
        expect(table.cells?.valueColumn).toBe(2)
    })
})

describe('parseAnalyticsResponse errors', () => {
    const shapeError = (json: unknown): AnalyticsResponseError => {
        try {
            parseAnalyticsResponse(json)
        } catch (error) {
            expect(error).toBeInstanceOf(AnalyticsResponseError)
            return error as AnalyticsResponseError
        }
        throw new Error('expected an error')
    }

    it('rejects what is not an analytics response, saying where', () => {
        expect(shapeError(null).message).toMatch(/unexpected shape/)
        expect(shapeError({ headers: [] }).issues[0]?.path).toBe('rows')
        expect(shapeError({ headers: [header('dx')], rows: [] }).issues[0]).toEqual({
            path: 'headers',
            message: 'no "value" column',
        })
        expect(
            shapeError({ headers: [header('dx'), header('value', false)], rows: [['a']] }).issues
        ).toEqual([{ path: 'rows.0', message: '1 cells for 2 headers' }])
        expect(shapeError({ rows: [['a']] }).issues[0]?.path).toBe('headers')
        expect(
            shapeError({ headers: [header('dx'), header('value', false)], rows: [[{}, '1']] })
                .issues[0]?.path
        ).toBe('rows.0.0')
        expect(
            shapeError({
                headers: [header('dx'), header('dx'), header('value', false)],
                rows: [],
            }).issues[0]?.message
        ).toBe('duplicate column "dx"')
    })

    it('does not HTML-escape the details of its message', () => {
        expect(
            shapeError({
                headers: [header('<b>'), header('<b>'), header('value', false)],
                rows: [],
            }).message
        ).toContain('duplicate column "<b>"')
    })
})

describe('parseAnalyticsNumber', () => {
    it('parses DHIS2 number strings', () => {
        expect(parseAnalyticsNumber('671.0')).toBe(671)
        expect(parseAnalyticsNumber('-461.0')).toBe(-461)
        expect(parseAnalyticsNumber(' 1e3 ')).toBe(1000)
        expect(parseAnalyticsNumber('')).toBeNull()
        expect(parseAnalyticsNumber('Infinity')).toBeNull()
        expect(parseAnalyticsNumber(null)).toBeNull()
        expect(parseAnalyticsNumber(undefined)).toBeNull()
    })
})

describe('valuesByPeriod', () => {
    it('collects one data item by period for an org unit', () => {
        const table = parseAnalyticsResponse(response)
        expect(valuesByPeriod(table, 'inUid000001', { ou: 'ouUid000001' })).toEqual({
            '202401': 87.5,
            '202402': null,
        })
        expect(valuesByPeriod(table, 'deUid000001')).toEqual({ '202401': 12, '202402': 0 })
        expect(valuesByPeriod(table, 'nope')).toEqual({})
    })
})
