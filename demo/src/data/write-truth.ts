/**
 * CLI: writes the ground truth of a generated country as JSON, for tests and benchmarks.
 *
 *     npx tsx demo/src/data/write-truth.ts <out.json> [--facilities 6000] [--seed 42] [--end 202610]
 */
import { DEFAULT_SEED, scriptOption } from '../http/cliArgs'
import { writeGroundTruth } from './generate'

const args = process.argv.slice(2)
const option = scriptOption
const out = args.find((a, i) => !a.startsWith('--') && !(args[i - 1] ?? '').startsWith('--'))
if (!out) {
    process.stderr.write(
        'usage: write-truth.ts <out.json> [--facilities 6000] [--seed 42] [--end YYYYMM]\n'
    )
    process.exit(2)
}
const endPeriod = option('end', '')
const truth = writeGroundTruth(out, {
    facilities: Number(option('facilities', '6000')),
    seed: Number(option('seed', String(DEFAULT_SEED))),
    ...(endPeriod ? { endPeriod } : {}),
})
process.stdout.write(`${truth.anomalies.length} anomalies written to ${out}\n`)
