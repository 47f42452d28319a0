import { normaliseAreaName, normaliseFacilityName } from './normalise'

const key = (name: string) => normaliseFacilityName(name).key
const kind = (name: string) => normaliseFacilityName(name).kind

describe('normaliseFacilityName', () => {
    it('reduces English names and their abbreviations to the place', () => {
        expect(key('Kibaoni Health Centre')).toBe('kibaoni')
        expect(key('KIBAONI H.C.')).toBe('kibaoni')
        expect(key('Kibaoni Health Center')).toBe('kibaoni')
        expect(key('Kibaoni Disp.')).toBe('kibaoni')
        expect(kind('Kibaoni Disp.')).toBe('dispensary')
        expect(key('Mbeya Regional Referral Hospital')).toBe('mbeya')
        expect(key('Mbeya RRH')).toBe('mbeya')
        expect(kind('Mbeya RRH')).toBe('hospital')
        expect(key("N'Djamena Road Dispensary")).toBe('n djamena road')
    })

    it('reduces French names, accents, elisions and abbreviations', () => {
        expect(key("Centre de Santé d'Oussouye")).toBe('oussouye')
        expect(key('CS Oussouye')).toBe('oussouye')
        expect(key('C.S. de OUSSOUYE')).toBe('oussouye')
        expect(kind('C.S. de OUSSOUYE')).toBe('health-centre')
        expect(key('Poste de Santé de Keur Momar')).toBe('keur momar')
        expect(kind('PS Keur Momar')).toBe('dispensary')
        expect(key('Hôpital de District de Thiès')).toBe('thies')
        expect(key('HOPITAL REGIONAL DE THIES')).toBe('thies')
        expect(key("Centre de Santé de l'Île")).toBe('ile')
    })

    it('reduces Swahili names: the type before the place', () => {
        expect(key('Zahanati ya Kibaoni')).toBe('kibaoni')
        expect(kind('Zahanati ya Kibaoni')).toBe('dispensary')
        expect(key('Kituo cha Afya Mwanzi')).toBe('mwanzi')
        expect(kind('Kituo cha Afya Mwanzi')).toBe('health-centre')
        expect(key('Hospitali ya Wilaya ya Kilosa')).toBe('kilosa')
    })

    it('reduces Portuguese names', () => {
        expect(key('Centro de Saúde de Chókwè')).toBe('chokwe')
        expect(kind('Centro de Saúde de Chókwè')).toBe('health-centre')
        expect(key('Posto de Saúde da Manhiça')).toBe('manhica')
        expect(key('Hospital Distrital de Xai-Xai')).toBe('xai xai')
        expect(key('US Namaacha')).toBe('namaacha')
    })

    it('takes a slip in a type word for the type word, but not a place name', () => {
        expect(key('Bambeko Dispensray')).toBe('bambeko')
        expect(key('Mwali Haelth Centre')).toBe('mwali')
        expect(key('Indu Chini Health Centre')).toBe('indu chini')
    })

    it('keeps numbers, and type words when nothing else is left', () => {
        expect(key('Kibaoni II Dispensary')).toBe('kibaoni ii')
        expect(key('Dispensary')).toBe('dispensary')
    })
})

describe('normaliseAreaName', () => {
    it('keeps the place of regions and districts', () => {
        expect(normaliseAreaName('District Sanitaire de Thiès')).toBe('thies')
        expect(normaliseAreaName('Région de Thiès')).toBe('thies')
        expect(normaliseAreaName('Kilimani Region')).toBe('kilimani')
        expect(normaliseAreaName('Kilosa DC')).toBe('kilosa')
        expect(normaliseAreaName('DS Kédougou')).toBe('kedougou')
        expect(normaliseAreaName('Mkoa wa Ruvuma')).toBe('ruvuma')
    })
})
