/**
 * DHIS2 metadata list and object responses: `fields`, `filter`, `rootJunction`, `query`, `order`,
 * `paging`, `page`, `pageSize`, and the `pager` object (dhis2-core `Pager` and
 * `DefaultLinkService.generatePagerLinks`).
 */
import { errorResponse } from '../http/errors'
import {
    DEFAULT_LIST_FIELDS,
    DEFAULT_OBJECT_FIELDS,
    parseFields,
    renderObject,
    type Json,
} from '../http/fields'
import type { DemoRequest, DemoResponse } from '../http/types'
import {
    MetadataQueryError,
    defaultOrders,
    matchesFilters,
    parseFilter,
    parseOrders,
    sortObjects,
    validateFilter,
    type Filter,
    type Order,
} from './filter'
import type { Schema, SchemaRegistry } from './schema'

export const DEFAULT_PAGE_SIZE = 50

export interface Pager {
    page: number
    total: number
    pageSize: number
    pageCount: number
    nextPage?: string
    prevPage?: string
}

export interface ListOptions {
    /** Objects to list instead of all of the schema's */
    objects?: readonly object[]
    /** Additional conditions (always AND) */
    where?: ((o: object) => boolean)[]
    /** Orders added after the request's (e.g. `level:asc` for ancestors) */
    extraOrders?: Order[]
}

/** Java's URLEncoder: spaces as `+`, and `!'()~` percent-encoded */
const javaUrlEncode = (s: string): string =>
    encodeURIComponent(s)
        .replace(/%20/g, '+')
        .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/** The request's parameters except page and pageSize, grouped by name as the servlet does */
const otherParameters = (query: URLSearchParams): string => {
    const names: string[] = []
    for (const name of query.keys()) if (!names.includes(name)) names.push(name)
    return names
        .filter((n) => n !== 'page' && n !== 'pageSize')
        .flatMap((n) => query.getAll(n).map((v) => `${javaUrlEncode(n)}=${javaUrlEncode(v)}`))
        .join('&')
}

const positiveInt = (text: string | null, fallback: number): number => {
    if (text === null || text.trim() === '') return fallback
    const n = Number(text)
    return Number.isFinite(n) ? Math.trunc(n) : fallback
}

/** dhis2-core `Pager(page, total, pageSize)` with next/previous page links */
export const buildPager = (
    page: number,
    total: number,
    pageSize: number,
    endpoint: string,
    query: URLSearchParams
): Pager => {
    const size = pageSize > 0 ? pageSize : 1
    const pageCount = Math.max(1, Math.ceil(total / size))
    const current = Math.max(1, Math.min(page, pageCount))
    const pager: Pager = { page: current, total, pageSize: size, pageCount }
    const params = otherParameters(query)
    const sizePart = size === DEFAULT_PAGE_SIZE ? '' : `&pageSize=${size}`
    if (current < pageCount) {
        pager.nextPage = `${endpoint}?page=${current + 1}${sizePart}${params ? `&${params}` : ''}`
    }
    if (current > 1) {
        if (current - 1 === 1) {
            const parts = [size === DEFAULT_PAGE_SIZE ? '' : `pageSize=${size}`, params].filter(
                Boolean
            )
            pager.prevPage = parts.length > 0 ? `${endpoint}?${parts.join('&')}` : endpoint
        } else {
            pager.prevPage = `${endpoint}?page=${current - 1}${sizePart}${params ? `&${params}` : ''}`
        }
    }
    return pager
}

const queryError = (err: unknown): DemoResponse => {
    if (err instanceof MetadataQueryError) {
        return errorResponse(
            err.status,
            err.message,
            err.errorCode ? { errorCode: err.errorCode } : {}
        )
    }
    throw err
}

const readFilters = (req: DemoRequest, registry: SchemaRegistry, schema: Schema): Filter[] => {
    const filters = req.query.getAll('filter').map(parseFilter)
    for (const f of filters) validateFilter(registry, schema, f)
    return filters
}

/** `GET /api/<plural>`: the list response in DHIS2's shape (`pager` first, then the objects) */
export const listResponse = (
    req: DemoRequest,
    registry: SchemaRegistry,
    schema: Schema,
    options: ListOptions = {}
): DemoResponse => {
    try {
        const filters = readFilters(req, registry, schema)
        const junction =
            (req.query.get('rootJunction') ?? 'AND').toUpperCase() === 'OR' ? 'OR' : 'AND'
        const search = req.query.get('query')
        const where = [...(options.where ?? [])]
        if (search) {
            const tokenFilter = parseFilter(`identifiable:token:${search}`)
            where.push((o) => matchesFilters(registry, schema, o, [tokenFilter], 'AND'))
        }
        const source = options.objects ?? schema.all()
        const matched = source.filter(
            (o) =>
                where.every((w) => w(o)) && matchesFilters(registry, schema, o, filters, junction)
        )
        let orders = parseOrders(schema, req.query.getAll('order'))
        orders = [...orders, ...(options.extraOrders ?? [])]
        if (orders.length === 0) orders = defaultOrders(schema)
        const sorted = sortObjects(schema, [...matched], orders)

        const fields = parseFields(req.query.getAll('fields').join(',') || DEFAULT_LIST_FIELDS)
        const paging = (req.query.get('paging') ?? 'true').toLowerCase() !== 'false'
        const render = (o: object): Json => renderObject(registry, schema, o, fields)
        if (!paging) return { status: 200, json: { [schema.plural]: sorted.map(render) } }
        const pager = buildPager(
            positiveInt(req.query.get('page'), 1),
            sorted.length,
            positiveInt(req.query.get('pageSize'), DEFAULT_PAGE_SIZE),
            `${req.baseUrl}/api/${schema.plural}`,
            req.query
        )
        const start = (pager.page - 1) * pager.pageSize
        const items = sorted.slice(start, start + pager.pageSize).map(render)
        return { status: 200, json: { pager, [schema.plural]: items } }
    } catch (err) {
        return queryError(err)
    }
}

/** DHIS2's 404 for a missing object: `DataElement with id X could not be found.` (E1005) */
export const notFoundResponse = (schema: Schema, id: string): DemoResponse =>
    errorResponse(404, `${schema.klass} with id ${id} could not be found.`, { errorCode: 'E1005' })

/** `GET /api/<plural>/<id>`: one object, all fields unless `fields` is given */
export const objectResponse = (
    req: DemoRequest,
    registry: SchemaRegistry,
    schema: Schema,
    id: string
): DemoResponse => {
    const obj = schema.byId?.(id)
    if (!obj) return notFoundResponse(schema, id)
    const fields = parseFields(req.query.getAll('fields').join(',') || DEFAULT_OBJECT_FIELDS)
    return { status: 200, json: renderObject(registry, schema, obj, fields) }
}
