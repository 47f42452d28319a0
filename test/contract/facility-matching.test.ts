/**
 * The facility matcher on the demo country's LMIS list against its ground truth (the figures
 * `npm run eval:matching` prints for 6,000 facilities, here on a smaller country to stay quick).
 */
import { generateCountry } from '../../demo/src/data/generate'
import { evaluateMatching } from '../quality/evaluate-facility-matching'

describe('facility matching on the demo LMIS list', () => {
    const db = generateCountry({ facilities: 1500, seed: 7 })
    const e = evaluateMatching(db)

    it('matches automatically with precision ≥ 0.99 and recall ≥ 0.9', () => {
        expect(e.precision).toBeGreaterThanOrEqual(0.99)
        expect(e.recall).toBeGreaterThanOrEqual(0.9)
    })

    it('flags every facility listed in the wrong district and every closed one', () => {
        expect(e.wrongDistrict.total).toBeGreaterThan(0)
        expect(e.wrongDistrict.flagged).toBe(e.wrongDistrict.total)
        expect(e.closed.total).toBeGreaterThan(0)
        expect(e.closed.flagged).toBe(e.closed.total)
    })

    it('offers the right facility among the candidates of most rows left for review', () => {
        expect(e.uncertainWithTruth).toBeGreaterThanOrEqual(0.8 * e.uncertain)
    })
})
