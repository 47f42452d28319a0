/**
 * `npm run eval:matching [-- --facilities 6000 --seed 42]`: the facility matcher on the demo
 * country's LMIS facility list, scored against its ground truth (precision and recall of the
 * automatic matches, wrong districts and closed facilities flagged, time).
 */
import { DEFAULT_SEED, scriptOption } from '../demo/src/http/cliArgs'
import { generateCountry } from '../demo/src/data/generate'
import { evaluateMatching } from '../test/quality/evaluate-facility-matching'

const args = process.argv.slice(2)
const option = scriptOption
const facilities = Number(option('facilities', '6000'))
const seed = Number(option('seed', String(DEFAULT_SEED)))
const db = generateCountry({ facilities, seed })
const e = evaluateMatching(db)
const pct = (x: number): string => `${(100 * x).toFixed(2)} %`
const lines = [
    `LMIS rows ${e.rows} × DHIS2 facilities ${e.dhisFacilities} (seed ${seed})`,
    `matched automatically  ${e.automatic} (${e.correct} right)`,
    `precision              ${pct(e.precision)}   (goal ≥ 99 %)`,
    `recall                 ${pct(e.recall)}   (goal ≥ 90 %; ${e.matchable} rows have a DHIS2 facility)`,
    `left for review        ${e.uncertain} (right facility among the candidates in ${e.uncertainWithTruth})`,
    `unmatched              ${e.unmatched}`,
    `wrong district flagged ${e.wrongDistrict.flagged} / ${e.wrongDistrict.total}`,
    `closed flagged         ${e.closed.flagged} / ${e.closed.total}`,
    `matching time          ${Math.round(e.milliseconds)} ms (Node, one thread)`,
    `missed by variant      ${JSON.stringify(e.missedByVariant)}`,
]
process.stdout.write(`${lines.join('\n')}\n`)
if (args.includes('--errors')) {
    for (const err of e.errors) process.stdout.write(`${JSON.stringify(err)}\n`)
}
const ok =
    e.precision >= 0.99 &&
    e.recall >= 0.9 &&
    e.wrongDistrict.flagged === e.wrongDistrict.total &&
    e.closed.flagged === e.closed.total
process.exit(ok ? 0 : 1)
