import {
    CONFIG_KEY,
    CONFIG_LIMITS,
    CONFIG_NAMESPACE,
    CURRENT_CONFIG_VERSION,
    emptyConfig,
    findPair,
    listPairs,
    parseConfig,
    validateConfig,
    type Pair,
} from './index'

const oxytocin: Pair = {
    id: 'oxytocin-deliveries',
    name: 'Oxytocin and facility deliveries',
    commodity: { name: 'Oxytocin 10 IU' },
    hmis: {
        items: [{ id: 'fbfJHSPpUQD', name: 'Facility deliveries', kind: 'DATA_ELEMENT' }],
        dataSet: 'BfMAe6Itzgt',
    },
    lmis: { consumption: 'Jtf34kNZhzP', stockOnHand: 'h0xKKjijTdI.Prlt0C1RF0s' },
    ratio: { label: 'Doses per delivery', expectedLow: 0.8, expectedHigh: 1.2 },
    tips: { en: 'Given at every birth (AMTSL).', fr: 'Donné à chaque naissance.' },
    thresholds: { zScore: 3.5, minDropPercent: 30, ratioBand: [0.8, 1.2] },
}

const misoprostol: Pair = {
    id: 'misoprostol-pph',
    name: 'Misoprostol and PPH',
    commodity: { name: 'Misoprostol' },
    hmis: { items: [{ id: 'cYeuwXTCPkU' }] },
    lmis: { consumption: 'QX4ZTUbOt3a' },
}

const validConfig = {
    version: 1,
    programAreas: [{ id: 'mnh', name: 'Maternal health', pairs: [oxytocin, misoprostol] }],
}

describe('constants', () => {
    it('names the dataStore location', () => {
        expect(CONFIG_NAMESPACE).toBe('triangulate')
        expect(CONFIG_KEY).toBe('config')
        expect(CURRENT_CONFIG_VERSION).toBe(1)
        expect(emptyConfig()).toEqual({ version: 1, programAreas: [] })
    })
})

describe('parseConfig', () => {
    it('reads a valid configuration unchanged', () => {
        const result = parseConfig(validConfig)
        expect(result.errors).toEqual([])
        expect(result.config).toEqual(validConfig)
        expect(result.migratedFrom).toBeNull()
        expect(result.pairResults.map((entry) => [entry.pairId, entry.ok, entry.path])).toEqual([
            ['oxytocin-deliveries', true, 'programAreas[0].pairs[0]'],
            ['misoprostol-pph', true, 'programAreas[0].pairs[1]'],
        ])
        expect(findPair(result.config!, 'misoprostol-pph')?.name).toBe('Misoprostol and PPH')
        expect(listPairs(result.config!).map((entry) => entry.programAreaId)).toEqual([
            'mnh',
            'mnh',
        ])
    })

    it('keeps the valid pairs when some are invalid, and names what is wrong', () => {
        const broken = {
            ...oxytocin,
            id: 'Bad Id!',
            hmis: { items: [{ id: 'not-a-uid' }] },
            lmis: {},
        }
        const result = parseConfig({
            version: 1,
            programAreas: [{ id: 'mnh', name: 'Maternal health', pairs: [broken, misoprostol] }],
        })
        expect(result.config?.programAreas[0]?.pairs.map((pair) => pair.id)).toEqual([
            'misoprostol-pph',
        ])
        const [bad, good] = result.pairResults
        expect(good?.ok).toBe(true)
        expect(bad?.ok).toBe(false)
        expect(bad?.pair).toBeNull()
        expect(bad?.pairId).toBe('Bad Id!')
        expect(bad?.name).toBe('Oxytocin and facility deliveries')
        const byPath = Object.fromEntries(bad!.issues.map((issue) => [issue.path, issue]))
        expect(Object.keys(byPath).sort()).toEqual(
            [
                'programAreas[0].pairs[0].id',
                'programAreas[0].pairs[0].hmis.items[0].id',
                'programAreas[0].pairs[0].lmis',
                // the ratio needs a consumption item, which this pair lost
                'programAreas[0].pairs[0].ratio',
            ].sort()
        )
        expect(byPath['programAreas[0].pairs[0].hmis.items[0].id']?.message).toMatch(
            /DHIS2 data item id/
        )
        expect(byPath['programAreas[0].pairs[0].lmis']?.code).toBe('config.lmisMeasureRequired')
        expect(result.errors).toHaveLength(4)
    })

    it('reports missing fields as required, with their path', () => {
        const { name: _name, ...withoutName } = misoprostol
        const result = parseConfig({
            version: 1,
            programAreas: [{ id: 'mnh', name: 'M', pairs: [withoutName] }],
        })
        expect(result.errors).toEqual([
            expect.objectContaining({
                path: 'programAreas[0].pairs[0].name',
                message: 'Required',
                segments: ['programAreas', 0, 'pairs', 0, 'name'],
            }),
        ])
    })

    it('rejects duplicate ids, keeping the first', () => {
        const result = parseConfig({
            version: 1,
            programAreas: [
                { id: 'mnh', name: 'A', pairs: [misoprostol] },
                { id: 'fp', name: 'B', pairs: [{ ...misoprostol, name: 'Copy' }] },
                { id: 'mnh', name: 'C', pairs: [] },
            ],
        })
        expect(result.config?.programAreas.map((area) => area.id)).toEqual(['mnh', 'fp'])
        expect(result.config?.programAreas[1]?.pairs).toEqual([])
        expect(result.errors.map((issue) => [issue.path, issue.code])).toEqual([
            ['programAreas[1].pairs[0].id', 'config.duplicatePairId'],
            ['programAreas[2].id', 'config.duplicateProgramAreaId'],
        ])
        expect(result.errors[0]?.message).toContain('misoprostol-pph')
    })

    it('drops an invalid program area and says so on each of its pairs', () => {
        const result = parseConfig({
            version: 1,
            programAreas: [
                { id: 'mnh', name: '  ', pairs: [misoprostol] },
                { id: 'fp', name: 'Family planning', pairs: [] },
            ],
        })
        expect(result.config?.programAreas.map((area) => area.id)).toEqual(['fp'])
        expect(result.pairResults[0]?.ok).toBe(false)
        expect(result.pairResults[0]?.issues.map((issue) => issue.code)).toEqual([
            'config.programAreaInvalid',
        ])
        expect(result.errors.map((issue) => issue.path)).toEqual([
            'programAreas[0].name',
            'programAreas[0].pairs[0]',
        ])
    })

    it('checks ratios, thresholds, tips and dx ids', () => {
        const result = parseConfig({
            version: 1,
            programAreas: [
                {
                    id: 'mnh',
                    name: 'M',
                    pairs: [
                        {
                            ...misoprostol,
                            lmis: { stockOnHand: 'QX4ZTUbOt3a' },
                            ratio: { expectedLow: 2, expectedHigh: 1 },
                            thresholds: { zScore: 0, minDropPercent: 120, ratioBand: [3, 1] },
                            tips: { 'not a locale': 'x' },
                        },
                        {
                            ...misoprostol,
                            id: 'operand',
                            hmis: {
                                items: [
                                    { id: 'fbfJHSPpUQD.pq2XI5kz2BY' },
                                    { id: 'fbfJHSPpUQD.pq2XI5kz2BY' },
                                ],
                            },
                        },
                    ],
                },
            ],
        })
        const codes = result.pairResults.map((entry) =>
            entry.issues.map((issue) => issue.path + ' ' + issue.code)
        )
        expect(codes[0]).toEqual(
            expect.arrayContaining([
                'programAreas[0].pairs[0].ratio.expectedLow config.lowAboveHigh',
                'programAreas[0].pairs[0].thresholds.zScore config.positive',
                'programAreas[0].pairs[0].thresholds.minDropPercent config.percent',
                'programAreas[0].pairs[0].thresholds.ratioBand config.lowAboveHigh',
                'programAreas[0].pairs[0].tips.not a locale config.locale',
            ])
        )
        expect(codes[1]).toEqual(['programAreas[0].pairs[1].hmis.items[1].id config.duplicateDx'])
    })

    it('refuses a ratio without consumption', () => {
        const result = parseConfig({
            version: 1,
            programAreas: [
                {
                    id: 'mnh',
                    name: 'M',
                    pairs: [{ ...misoprostol, lmis: { stockOnHand: 'QX4ZTUbOt3a' }, ratio: {} }],
                },
            ],
        })
        expect(result.errors.map((issue) => [issue.path, issue.code])).toEqual([
            ['programAreas[0].pairs[0].ratio', 'config.ratioNeedsConsumption'],
        ])
    })

    it('gives translated plain-text messages, without HTML escaping of names', () => {
        const id = 'dup'
        const result = parseConfig({
            version: 1,
            programAreas: [
                {
                    id: 'a',
                    name: '<b>A</b>',
                    pairs: [
                        { ...misoprostol, id },
                        { ...misoprostol, id },
                    ],
                },
            ],
        })
        expect(result.errors[0]?.message).toBe('Another pair already uses the id dup')
        expect(result.config?.programAreas[0]?.name).toBe('<b>A</b>')
    })

    it('returns no config for documents it cannot use', () => {
        for (const json of [null, undefined, 'config', [], 42]) {
            const result = parseConfig(json)
            expect(result.config).toBeNull()
            expect(result.errors[0]?.code).toBe('config.notAnObject')
        }
        expect(parseConfig({ version: 1 }).errors[0]?.code).toBe('config.programAreasNotAList')
        expect(parseConfig({ version: 1, programAreas: {} }).config).toBeNull()
        expect(parseConfig({ version: 2, programAreas: [] }).errors[0]).toMatchObject({
            code: 'config.newerVersion',
            path: 'version',
        })
        expect(parseConfig({ version: 'one', programAreas: [] }).errors[0]?.code).toBe(
            'config.unknownVersion'
        )
    })

    it('treats an empty program area list as a valid, empty configuration', () => {
        expect(parseConfig({ version: 1, programAreas: [] })).toEqual({
            config: emptyConfig(),
            pairResults: [],
            errors: [],
            migratedFrom: null,
        })
    })

    it('validateConfig lists what prevents saving', () => {
        expect(validateConfig(validConfig)).toEqual([])
        expect(validateConfig({ ...validConfig, version: 0 }).map((issue) => issue.code)).toEqual([
            'config.notCurrentVersion',
        ])
        expect(
            validateConfig({
                version: 1,
                programAreas: [{ id: 'a', name: 'A', pairs: [{ ...misoprostol, lmis: {} }] }],
            }).map((issue) => issue.path)
        ).toEqual(['programAreas[0].pairs[0].lmis'])
    })
})

describe('size limits', () => {
    const pair = (id: string, tips?: Record<string, string>) => ({
        id,
        name: id,
        commodity: { name: 'Oxytocin' },
        hmis: { items: [{ id: 'abcdefghijk' }] },
        lmis: { consumption: 'bcdefghijkl' },
        ...(tips ? { tips } : {}),
    })
    const config = (pairs: unknown[]) => ({
        version: 1,
        programAreas: [{ id: 'mnh', name: 'Maternal', pairs }],
    })
    const locales = (count: number) =>
        Object.fromEntries(
            Array.from({ length: count }, (_, i) => [
                `x${String.fromCharCode(97 + (i % 26))}_${String(i).padStart(2, '0')}`,
                'tip',
            ])
        )

    it('names the limit on tip languages per pair', () => {
        expect(
            parseConfig(config([pair('ok', locales(CONFIG_LIMITS.tipLanguages))])).errors
        ).toEqual([])
        const { errors } = parseConfig(
            config([pair('many', locales(CONFIG_LIMITS.tipLanguages + 1))])
        )
        expect(errors.map((e) => [e.path, e.code, e.message])).toEqual([
            [
                'programAreas[0].pairs[0].tips',
                'config.tooManyTipLanguages',
                `A pair may have tips in at most ${CONFIG_LIMITS.tipLanguages} languages`,
            ],
        ])
    })

    it('names the limit on the length of a tip', () => {
        const long = 'x'.repeat(CONFIG_LIMITS.tipLength + 1)
        const { errors } = parseConfig(config([pair('long', { en: long })]))
        expect(errors[0]?.message).toBe(
            `A tip may have at most ${CONFIG_LIMITS.tipLength} characters`
        )
    })

    it('names the limit on the number of pairs', () => {
        const pairs = Array.from({ length: CONFIG_LIMITS.pairs + 1 }, (_, i) => pair(`p-${i}`))
        const { errors, config: parsed } = parseConfig(config(pairs))
        expect(errors.map((e) => e.message)).toEqual([
            `The mapping may have at most ${CONFIG_LIMITS.pairs} pairs; it has ${CONFIG_LIMITS.pairs + 1}`,
        ])
        expect(parsed?.programAreas[0]?.pairs).toHaveLength(CONFIG_LIMITS.pairs + 1)
        expect(parseConfig(config(pairs.slice(1))).errors).toEqual([])
    })
})
