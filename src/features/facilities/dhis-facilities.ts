/**
 * The DHIS2 side of the matching: org units at the facility level (the deepest level), read in
 * pages of 1,000 with only the fields the matcher needs, and the areas above them (regions,
 * districts) to resolve the list's area names.
 */
import type { DataEngine } from '../../data/engine'
import type { DhisArea, DhisFacility } from '../../domain/facilities/match'
import type { CurrentFacility } from '../../domain/facilities/review'

export const PAGE_SIZE = 1000
const FACILITY_FIELDS = 'id,code,name,path,geometry,closedDate'

interface RawOrgUnit {
    id: string
    code?: string
    name: string
    path: string
    level?: number
    closedDate?: string
    geometry?: { type?: string; coordinates?: unknown }
}

const query = async (
    engine: DataEngine,
    resource: string,
    params: Record<string, string | number | boolean | string[]>
): Promise<unknown> => {
    const result = await engine.query({ result: { resource, params } })
    return result.result
}

/** [longitude, latitude] of a GeoJSON Point, else undefined */
export const pointOf = (geometry: RawOrgUnit['geometry']): [number, number] | undefined => {
    const c = geometry?.type === 'Point' ? geometry.coordinates : undefined
    return Array.isArray(c) &&
        c.length >= 2 &&
        typeof c[0] === 'number' &&
        typeof c[1] === 'number' &&
        Math.abs(c[0]) <= 180 &&
        Math.abs(c[1]) <= 90
        ? [c[0], c[1]]
        : undefined
}

export const toDhisFacility = (ou: RawOrgUnit): DhisFacility => {
    const coordinates = pointOf(ou.geometry)
    return {
        id: ou.id,
        name: ou.name,
        path: ou.path,
        ...(ou.code ? { code: ou.code } : {}),
        ...(coordinates ? { coordinates } : {}),
        ...(ou.closedDate ? { closedDate: ou.closedDate } : {}),
    }
}

export interface DhisSide {
    facilityLevel: number
    facilities: DhisFacility[]
    areas: DhisArea[]
}

export const fetchDhisSide = async (
    engine: DataEngine,
    onProgress: (loaded: number, total: number) => void
): Promise<DhisSide> => {
    const levels = (await query(engine, 'organisationUnitLevels', {
        fields: 'level',
        paging: false,
    })) as { organisationUnitLevels?: { level: number }[] }
    const facilityLevel = Math.max(1, ...(levels.organisationUnitLevels ?? []).map((l) => l.level))
    const facilities: DhisFacility[] = []
    for (let page = 1; ; page++) {
        const data = (await query(engine, 'organisationUnits', {
            fields: FACILITY_FIELDS,
            filter: `level:eq:${facilityLevel}`,
            order: 'id:asc',
            page,
            pageSize: PAGE_SIZE,
        })) as { organisationUnits?: RawOrgUnit[]; pager?: { pageCount?: number; total?: number } }
        facilities.push(...(data.organisationUnits ?? []).map(toDhisFacility))
        const pageCount = data.pager?.pageCount ?? 1
        onProgress(facilities.length, data.pager?.total ?? facilities.length)
        if (page >= pageCount || (data.organisationUnits ?? []).length === 0) break
    }
    const areaData = (await query(engine, 'organisationUnits', {
        fields: 'id,name,level',
        filter: ['level:gt:1', `level:lt:${facilityLevel}`],
        paging: false,
    })) as { organisationUnits?: RawOrgUnit[] }
    const areas = (areaData.organisationUnits ?? []).map((o) => ({
        id: o.id,
        name: o.name,
        level: o.level ?? 0,
    }))
    return { facilityLevel, facilities, areas }
}

/** Every facility now, with its opening and closing dates (for the gaps since the last review) */
export const fetchCurrentFacilities = async (
    engine: DataEngine,
    signal?: AbortSignal
): Promise<CurrentFacility[]> => {
    const levels = (await engine.query(
        {
            result: {
                resource: 'organisationUnitLevels',
                params: { fields: 'level', paging: false },
            },
        },
        { signal }
    )) as { result: { organisationUnitLevels?: { level: number }[] } }
    const facilityLevel = Math.max(
        1,
        ...(levels.result.organisationUnitLevels ?? []).map((l) => l.level)
    )
    const facilities: CurrentFacility[] = []
    for (let page = 1; ; page++) {
        const data = (await engine.query(
            {
                result: {
                    resource: 'organisationUnits',
                    params: {
                        fields: 'id,name,code,openingDate,closedDate',
                        filter: `level:eq:${facilityLevel}`,
                        order: 'id:asc',
                        page,
                        pageSize: PAGE_SIZE,
                    },
                },
            },
            { signal }
        )) as { result: { organisationUnits?: CurrentFacility[]; pager?: { pageCount?: number } } }
        const units = data.result.organisationUnits ?? []
        facilities.push(...units)
        if (page >= (data.result.pager?.pageCount ?? 1) || units.length === 0) break
    }
    return facilities
}
