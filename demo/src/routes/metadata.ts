/**
 * The demo DHIS2's metadata Web API: read-only list and object endpoints for org units, levels,
 * groups, data elements, data sets, indicators, the category model and data element operands, with
 * DHIS2's `fields`, `filter`, `rootJunction`, `query`, `order`, `paging`/`page`/`pageSize`.
 *
 * Org units follow dhis2-core's `OrganisationUnitController`: `level`, `maxLevel`,
 * `withinUserHierarchy`, `withinDataViewUserHierarchy`, `userOnly`, `userDataViewOnly`,
 * `userDataViewFallback`, `levelSorted`; `/{id}?includeChildren=true` and `/{id}/children` (the unit
 * and its children), `/{id}?includeDescendants=true` and `/{id}/descendants` (the unit and all
 * below), `/{id}?includeAncestors=true` and `/{id}/ancestors` (root → unit), `/{id}/parents`
 * (ancestors without the unit), `/{id}?level=n` and `/{id}/children?level=n` (units n levels
 * below). As in DHIS2 the metadata API is not restricted to the user's org units.
 */
import type { DemoDb, OrgUnit } from '../data/model'
import type { DemoRequest, DemoResponse, DemoRoute } from '../http/types'
import { listResponse, notFoundResponse, objectResponse, type ListOptions } from '../metadata/list'
import { buildSchemas, type OperandObject, type Schema } from '../metadata/schema'

const stripJson = (id: string): string => id.replace(/\.json$/, '')

const flag = (req: DemoRequest, name: string): boolean =>
    (req.query.get(name) ?? '').toLowerCase() === 'true'

const intParam = (req: DemoRequest, name: string): number | undefined => {
    const raw = req.query.get(name)
    if (raw === null || raw.trim() === '') return undefined
    const n = Number(raw)
    return Number.isInteger(n) ? n : undefined
}

export const metadataRoutes = (db: DemoDb): DemoRoute[] => {
    const { registry } = buildSchemas(db)
    const schemaOf = (klass: string): Schema => {
        const s = registry[klass]
        if (!s) throw new Error(`No schema for ${klass}`)
        return s
    }
    const routes: DemoRoute[] = []
    const get = (pattern: string, handler: (req: DemoRequest) => DemoResponse): void => {
        routes.push({ method: 'GET', pattern, handler })
    }

    // Org units ------------------------------------------------------------------------------
    const ouSchema = schemaOf('OrganisationUnit')
    const asOu = (o: object): OrgUnit => o as OrgUnit

    /** The generic org unit list conditions (level, maxLevel, user hierarchy) */
    const orgUnitConditions = (req: DemoRequest, parentLevel?: number): ListOptions => {
        const where: ((o: object) => boolean)[] = []
        const level = intParam(req, 'level')
        if (level !== undefined) {
            const wanted = parentLevel !== undefined ? parentLevel + Math.max(0, level) : level
            where.push((o) => asOu(o).level === wanted)
        }
        const maxLevel = intParam(req, 'maxLevel')
        if (maxLevel !== undefined) where.push((o) => asOu(o).level <= maxLevel)
        const user = req.user
        let roots: string[] | null = null
        if (flag(req, 'withinUserHierarchy')) roots = [...(user?.organisationUnits ?? [])]
        if (flag(req, 'withinDataViewUserHierarchy')) {
            roots = [...(roots ?? []), ...(user?.dataViewOrganisationUnits ?? [])]
        }
        if (roots && roots.length > 0) {
            const ids = roots
            where.push((o) => ids.some((id) => asOu(o).path.includes(id)))
        }
        const only = (ids: string[]) => where.push((o) => ids.includes(asOu(o).id))
        if (flag(req, 'userOnly')) only(user?.organisationUnits ?? [])
        if (flag(req, 'userDataViewOnly')) only(user?.dataViewOrganisationUnits ?? [])
        if (flag(req, 'userDataViewFallback')) {
            const view = user?.dataViewOrganisationUnits ?? []
            only(view.length > 0 ? view : (user?.organisationUnits ?? []))
        }
        return {
            where,
            extraOrders: flag(req, 'levelSorted') ? [{ property: 'level', direction: 'asc' }] : [],
        }
    }

    const withConditions = (req: DemoRequest, extra: ListOptions, parentLevel?: number) => {
        const base = orgUnitConditions(req, parentLevel)
        return {
            objects: extra.objects,
            where: [...(base.where ?? []), ...(extra.where ?? [])],
            extraOrders: [...(base.extraOrders ?? []), ...(extra.extraOrders ?? [])],
        }
    }

    const ancestorsOf = (ou: OrgUnit, includeSelf: boolean): OrgUnit[] => {
        const ids = ou.path.split('/').filter(Boolean)
        const chain = includeSelf ? ids : ids.slice(0, -1)
        return chain
            .map((id) => db.orgUnitById.get(id))
            .filter((x): x is OrgUnit => x !== undefined)
    }

    const children = (req: DemoRequest, ou: OrgUnit): DemoResponse =>
        listResponse(
            req,
            registry,
            ouSchema,
            withConditions(req, {
                where: [
                    (o) =>
                        (asOu(o).level === ou.level || asOu(o).level === ou.level + 1) &&
                        asOu(o).path.includes(ou.id),
                ],
            })
        )
    const descendants = (req: DemoRequest, id: string): DemoResponse =>
        listResponse(
            req,
            registry,
            ouSchema,
            withConditions(req, { where: [(o) => asOu(o).path.includes(id)] })
        )
    const ancestors = (req: DemoRequest, ou: OrgUnit, includeSelf: boolean): DemoResponse =>
        listResponse(
            req,
            registry,
            ouSchema,
            withConditions(req, {
                objects: ancestorsOf(ou, includeSelf),
                extraOrders: [{ property: 'level', direction: 'asc' }],
            })
        )
    const atLevelBelow = (req: DemoRequest, ou: OrgUnit): DemoResponse =>
        listResponse(
            req,
            registry,
            ouSchema,
            withConditions(req, { where: [(o) => asOu(o).path.startsWith(ou.path)] }, ou.level)
        )
    const findOu = (req: DemoRequest): OrgUnit | undefined =>
        db.orgUnitById.get(stripJson(req.params.id ?? ''))

    for (const base of ['/api/organisationUnits', '/api/organisationUnits.json']) {
        get(base, (req) => listResponse(req, registry, ouSchema, orgUnitConditions(req)))
    }
    get('/api/organisationUnits/:id', (req) => {
        const id = stripJson(req.params.id ?? '')
        if (flag(req, 'includeDescendants')) return descendants(req, id)
        const ou = findOu(req)
        if (!ou) return notFoundResponse(ouSchema, id)
        if (flag(req, 'includeChildren')) return children(req, ou)
        if (flag(req, 'includeAncestors')) return ancestors(req, ou, true)
        if (intParam(req, 'level') !== undefined) return atLevelBelow(req, ou)
        return objectResponse(req, registry, ouSchema, id)
    })
    get('/api/organisationUnits/:id/children', (req) => {
        const ou = findOu(req)
        if (!ou) return notFoundResponse(ouSchema, req.params.id ?? '')
        return intParam(req, 'level') !== undefined ? atLevelBelow(req, ou) : children(req, ou)
    })
    get('/api/organisationUnits/:id/descendants', (req) => descendants(req, req.params.id ?? ''))
    get('/api/organisationUnits/:id/ancestors', (req) => {
        const ou = findOu(req)
        return ou ? ancestors(req, ou, true) : notFoundResponse(ouSchema, req.params.id ?? '')
    })
    get('/api/organisationUnits/:id/parents', (req) => {
        const ou = findOu(req)
        return ou ? ancestors(req, ou, false) : notFoundResponse(ouSchema, req.params.id ?? '')
    })

    // Data element operands: optionally those of one data set ----------------------------------
    const operandSchema = schemaOf('DataElementOperand')
    const dataSetById = new Map(db.dataSets.map((ds) => [ds.id, ds]))
    const operandList = (req: DemoRequest): DemoResponse => {
        const dataSetId = req.query.get('dataSet')
        if (!dataSetId) return listResponse(req, registry, operandSchema)
        const ds = dataSetById.get(dataSetId)
        const elementIds = new Set(ds?.dataElementIds ?? [])
        return listResponse(req, registry, operandSchema, {
            where: [(o) => elementIds.has((o as OperandObject).dataElement.id)],
        })
    }
    for (const base of ['/api/dataElementOperands', '/api/dataElementOperands.json']) {
        get(base, operandList)
    }
    get('/api/dataElementOperands/:id', (req) =>
        objectResponse(req, registry, operandSchema, stripJson(req.params.id ?? ''))
    )

    // Everything else: plain list and object endpoints -----------------------------------------
    for (const klass of [
        'Attribute',
        'OrganisationUnitLevel',
        'OrganisationUnitGroup',
        'OrganisationUnitGroupSet',
        'DataElement',
        'DataSet',
        'Indicator',
        'IndicatorType',
        'Category',
        'CategoryOption',
        'CategoryCombo',
        'CategoryOptionCombo',
        'ProgramIndicator',
        'DataElementGroup',
        'IndicatorGroup',
        'LegendSet',
    ]) {
        const schema = schemaOf(klass)
        for (const base of [`/api/${schema.plural}`, `/api/${schema.plural}.json`]) {
            get(base, (req) => listResponse(req, registry, schema))
        }
        get(`/api/${schema.plural}/:id`, (req) =>
            objectResponse(req, registry, schema, stripJson(req.params.id ?? ''))
        )
    }
    return routes
}
