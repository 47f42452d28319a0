/**
 * CLI (`npm run demo:lmis`): writes the demo country's LMIS facility list as CSV and its ground
 * truth as JSON.
 *
 *     npx tsx demo/src/data/write-lmis-facilities.ts <out.csv> [--truth out.json] [--facilities 6000] [--seed 42]
 */
import { writeFileSync } from 'node:fs'
import { DEFAULT_SEED, scriptOption } from '../http/cliArgs'
import { generateCountry } from './generate'
import { generateLmisFacilities, lmisFacilitiesCsv } from './lmis-facilities'

const args = process.argv.slice(2)
const option = scriptOption
const out = args.find((a, i) => !a.startsWith('--') && !(args[i - 1] ?? '').startsWith('--'))
if (!out) {
    process.stderr.write(
        'usage: write-lmis-facilities.ts <out.csv> [--truth out.json] [--facilities 6000] [--seed 42]\n'
    )
    process.exit(2)
}
const db = generateCountry({
    facilities: Number(option('facilities', '6000')),
    seed: Number(option('seed', String(DEFAULT_SEED))),
})
const list = generateLmisFacilities(db)
writeFileSync(out, lmisFacilitiesCsv(list.rows))
const truth = option('truth', '')
if (truth) writeFileSync(truth, `${JSON.stringify(list, null, 1)}\n`)
process.stdout.write(`${list.rows.length} LMIS facilities written to ${out}\n`)
