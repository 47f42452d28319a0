/**
 * The Triangulate configuration the demo seeds: the demo's mapping (`buildDemoConfig`) with what
 * its LMIS offers for stock status (`demoLmisExtras`) written in the fields of the app's schema
 * (`src/domain/config/schema.ts`): each pair's stocked-out flag items (`lmis.stockedOut`) and the
 * LMIS reporting groups with the months their quarterly windows are shifted
 * (`lmis.reportingGroups`).
 */
import { buildDemoConfig, demoLmisExtras } from './data/demo-config'
import type { DemoDb } from './data/model'

interface PairJson {
    id: string
    lmis: Record<string, unknown>
}

export const buildSeedConfig = (db: DemoDb): unknown => {
    const config = buildDemoConfig(db) as { programAreas: { pairs: PairJson[] }[] }
    const extras = demoLmisExtras()
    const reportingGroups = {
        groupSet: extras.lmisReportingGroups.groupSet,
        groups: Object.entries(extras.lmisReportingGroups.windows).map(([id, monthOffset]) => ({
            id,
            monthOffset,
        })),
    }
    for (const area of config.programAreas) {
        for (const pair of area.pairs) {
            const flag = extras.stockedOut[pair.id]
            pair.lmis = {
                ...pair.lmis,
                ...(flag ? { stockedOut: [...flag] } : {}),
                reportingGroups,
            }
        }
    }
    return config
}
