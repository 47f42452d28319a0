/**
 * The demo country's LMIS facility list (not a DHIS2 endpoint: what an LMIS such as eLMIS would
 * export), for importing into the app's facility matching: `GET /lmis/facilities.csv`, and its
 * ground truth for tests, `GET /lmis/facilities-truth.json`. Generated once, on first request.
 */
import {
    generateLmisFacilities,
    lmisFacilitiesCsv,
    type LmisFacilityList,
} from '../data/lmis-facilities'
import type { DemoDb } from '../data/model'
import type { DemoRoute } from '../http/types'

export const lmisRoutes = (db: DemoDb): DemoRoute[] => {
    let list: LmisFacilityList | null = null
    const get = (): LmisFacilityList => (list ??= generateLmisFacilities(db))
    return [
        {
            method: 'GET',
            pattern: '/lmis/facilities.csv',
            handler: () => ({
                status: 200,
                body: lmisFacilitiesCsv(get().rows),
                headers: {
                    'Content-Type': 'text/csv;charset=UTF-8',
                    'Content-Disposition': 'attachment; filename="lmis-facilities.csv"',
                },
            }),
        },
        {
            method: 'GET',
            pattern: '/lmis/facilities-truth.json',
            handler: () => ({
                status: 200,
                json: { truth: get().truth, notInLmis: get().notInLmis },
            }),
        },
    ]
}
