import { readFileSync } from 'node:fs'
import type { ScanAlert } from '../../src/features/alerts/scan-alerts'
import { scanEntries } from '../../src/features/alerts/scan-entries'
import { scanWindow, DEFAULT_BASELINE_MONTHS, DEFAULT_TEST_MONTHS } from '../../src/features/alerts/scan-plan'
import { idsOf } from '../../src/domain/config'
import { DISTRICT_LEVEL, FACILITY_LEVEL, demoCountry } from './alerts-harness'

const seed = Number(process.env.SEED ?? 42)
const end = '202610'
const country = demoCountry({ facilities: 6000, seed, end })
const alerts = JSON.parse(readFileSync(`/tmp/alcache/alerts-${seed}-6000-district.json`, 'utf8')) as ScanAlert[]
const entries = scanEntries(alerts, { facilityLevel: FACILITY_LEVEL })
const window = scanWindow(end, DEFAULT_BASELINE_MONTHS, DEFAULT_TEST_MONTHS)
const db = country.db
const months = db.periodsByType.Monthly.map((p) => p.id)
const width = months.length
const win = window.months
const surges = new Map((country.truth.serviceSurges ?? []).map((s) => [`${s.orgUnitId}|${s.period}`, s.factor]))
const hmisReg = (dsId: string, slot: number, m: string) => db.registrations.get(dsId)?.registrations[slot * width + months.indexOf(m)]
for (const entry of entries.slice(0, 20)) {
    const a = entry.reasons[0]!.alert as unknown as { type: string; period: string; series?: string; details: Record<string, unknown> }
    const pair = country.pairs.find((p) => p.id === entry.pairId)!
    const ids = a.series === 'lmis' ? idsOf(pair.lmis.consumption) : pair.hmis.items.map((i) => i.id)
    console.log(`\n=== ${entry.pairId} ${entry.orgUnitId} ${a.type} ${a.series} ${a.period} value ${String(a.details.value)} median ${String(a.details.median)} ids ${ids.join(',')}`)
    const facs = db.facilities.filter((f) => f.path.split('/').includes(entry.orgUnitId))
    const rows: { name: string; vals: number[] }[] = []
    for (const f of facs) {
        const slot = db.facilitySlot.get(f.id)!
        const vals = win.map((m) => {
            let sum = NaN
            for (const id of ids) {
                const [de, coc] = id.split('.')
                for (const [key, s] of db.series) {
                    if (!key.startsWith(de + '.')) continue
                    if (coc && !key.endsWith('.' + coc)) continue
                    if (s.periodType !== 'Monthly') continue
                    const v = s.values[slot * width + months.indexOf(m)]!
                    if (!Number.isNaN(v)) sum = (Number.isNaN(sum) ? 0 : sum) + v
                }
            }
            return sum
        })
        rows.push({ name: `${f.id} ${f.name.slice(0, 18).padEnd(18)} surge@${String(surges.get(`${f.id}|${a.period}`) ?? '-')}`, vals })
    }
    console.log('months', win.map((m) => m.slice(2)).join(' '))
    const k = win.indexOf(a.period)
    rows.sort((x, y) => (y.vals[k]! - (median(y.vals.slice(0, 12)))) - (x.vals[k]! - median(x.vals.slice(0, 12))))
    for (const r of rows.slice(0, 6)) console.log(r.name, r.vals.map((v) => (Number.isNaN(v) ? '.' : String(Math.round(v)))).join(' '))
    const tot = win.map((_, i) => rows.reduce((s, r) => s + (Number.isNaN(r.vals[i]!) ? 0 : r.vals[i]!), 0))
    console.log('TOTAL', tot.map(Math.round).join(' '), 'facilities', rows.length, 'reporting', win.map((_, i) => rows.filter((r) => !Number.isNaN(r.vals[i]!)).length).join(' '))
}
function median(v: number[]) { const s = v.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)]! : 0 }
