/**
 * Org unit attributes of the demo DHIS2: one attribute, "LMIS facility code" (unique, for org
 * units), and the values written to it through the metadata import (`routes/metadata-import.ts`),
 * kept in memory per generated country (a restart forgets them).
 */
import type { DemoDb } from './model'
import { uidFor } from './uid'

export interface DemoAttribute {
    id: string
    code: string
    name: string
    shortName: string
    valueType: 'TEXT'
    unique: boolean
    organisationUnitAttribute: boolean
}

export interface AttributeValue {
    attribute: { id: string }
    value: string
}

export const LMIS_CODE_ATTRIBUTE: DemoAttribute = {
    id: uidFor('attribute:lmis-facility-code'),
    code: 'LMIS_FACILITY_CODE',
    name: 'LMIS facility code',
    shortName: 'LMIS code',
    valueType: 'TEXT',
    unique: true,
    organisationUnitAttribute: true,
}

export const DEMO_ATTRIBUTES: readonly DemoAttribute[] = [LMIS_CODE_ATTRIBUTE]

const stores = new WeakMap<DemoDb, Map<string, AttributeValue[]>>()

/** The attribute values of the country's org units, by org unit id */
export const attributeValueStore = (db: DemoDb): Map<string, AttributeValue[]> => {
    let store = stores.get(db)
    if (!store) {
        store = new Map()
        stores.set(db, store)
    }
    return store
}
