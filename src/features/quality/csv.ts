/** The master-list gaps of the data-quality page as CSV (see `shared/download/csv.ts`). */
import { toCsv } from '../../shared/download'
import type { GapRow, GapType } from './quality-model'

export interface GapCsvLabels {
    /** Column headers, in order: id, org unit, path, gap, HMIS months, LMIS months, pairs, period */
    headers: readonly string[]
    gap: (type: GapType) => string
    pairName: (id: string) => string
    /** The period of the table, e.g. `May 2026` or `June – November 2026` */
    period: string
}

/** The master-list gaps as CSV: one row per org unit, with its path and the pairs concerned. */
export const gapsCsv = (rows: readonly GapRow[], labels: GapCsvLabels): string =>
    toCsv([
        labels.headers,
        ...rows.map((row) => [
            row.orgUnit.id,
            row.orgUnit.name,
            row.orgUnit.ancestorNames.join(' / '),
            labels.gap(row.type),
            row.hmisMonths,
            row.lmisMonths,
            row.pairIds.map(labels.pairName).join('; '),
            labels.period,
        ]),
    ])
