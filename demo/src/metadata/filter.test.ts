import { describe, expect, it } from 'vitest'
import {
    MetadataQueryError,
    evaluateFilter,
    parseFilter,
    parseOrders,
    sortObjects,
    validateFilter,
} from './filter'
import { defineSchema, type SchemaRegistry } from './schema'

interface Item {
    id: string
    code?: string
    name: string
    level: number
    active: boolean
    parent?: Item
    tags: Item[]
}

const parent: Item = {
    id: 'p0000000001',
    name: 'Région de Thiès',
    level: 2,
    active: true,
    tags: [],
}
const item: Item = {
    id: 'i0000000001',
    code: 'HF100003',
    name: "Centre de Santé de l'Île",
    level: 4,
    active: false,
    parent,
    tags: [parent],
}

const schema = defineSchema<Item>({
    klass: 'Item',
    plural: 'items',
    identifiable: true,
    all: () => [parent, item],
    props: {
        id: { kind: 'value', get: (o) => o.id },
        code: { kind: 'value', get: (o) => o.code },
        name: { kind: 'value', get: (o) => o.name },
        level: { kind: 'value', get: (o) => o.level },
        active: { kind: 'value', get: (o) => o.active },
        parent: { kind: 'ref', type: 'Item', get: (o) => o.parent },
        tags: { kind: 'refs', type: 'Item', get: (o) => o.tags },
    },
})
const registry: SchemaRegistry = { Item: schema }
const test = (filter: string, obj: Item = item) =>
    evaluateFilter(registry, schema, obj, parseFilter(filter))

describe('filter parsing', () => {
    it('splits property, operator and value (values may contain colons)', () => {
        expect(parseFilter('name:eq:a:b')).toEqual({ path: ['name'], operator: 'eq', value: 'a:b' })
        expect(parseFilter('parent.id:!null')).toEqual({
            path: ['parent', 'id'],
            operator: '!null',
            value: '',
        })
        expect(() => parseFilter('name:equals:x')).toThrow('`equals` is not a valid operator.')
    })

    it('rejects unknown paths', () => {
        expect(() => validateFilter(registry, schema, parseFilter('colour:eq:red'))).toThrow(
            MetadataQueryError
        )
        expect(() =>
            validateFilter(registry, schema, parseFilter('parent.name:eq:x'))
        ).not.toThrow()
        expect(() => validateFilter(registry, schema, parseFilter('name.id:eq:x'))).toThrow()
    })
})

describe('operators', () => {
    it('compares strings, numbers and booleans', () => {
        expect(test('level:eq:4')).toBe(true)
        expect(test('level:gt:3')).toBe(true)
        expect(test('level:le:3')).toBe(false)
        expect(test('level:ne:4')).toBe(false)
        expect(test('active:eq:false')).toBe(true)
        expect(test("name:eq:Centre de Santé de l'Île")).toBe(true)
        expect(test("name:ieq:centre de santé de l'île")).toBe(true)
        expect(test('code:in:[HF100001,HF100003]')).toBe(true)
        expect(test('code:!in:[HF100003]')).toBe(false)
    })

    it('matches text with like, ilike and tokens', () => {
        expect(test('name:like:Santé')).toBe(true)
        expect(test('name:like:santé')).toBe(false)
        expect(test('name:ilike:SANTÉ')).toBe(true)
        expect(test('name:$ilike:centre')).toBe(true)
        expect(test("name:ilike$:l'île")).toBe(true)
        expect(test('name:!ilike:hospital')).toBe(true)
        expect(test('name:token:île centre')).toBe(true)
        expect(test('name:token:île hôpital')).toBe(false)
        expect(test('identifiable:token:HF1000 centre')).toBe(true)
        expect(test('identifiable:token:HF1000 hôpital')).toBe(false)
    })

    it('follows references and collections', () => {
        expect(test('parent.id:eq:p0000000001')).toBe(true)
        expect(test('parent.name:ilike:thiès')).toBe(true)
        expect(test('parent:null')).toBe(false)
        expect(test('parent:null', parent)).toBe(true)
        expect(test('tags.id:in:[p0000000001]')).toBe(true)
        expect(test('tags:eq:1')).toBe(true)
        expect(test('tags:empty', parent)).toBe(true)
        expect(test('code:null', parent)).toBe(true)
        expect(test('code:!null')).toBe(true)
    })
})

describe('order', () => {
    it('parses orders on simple properties and sorts with nulls last', () => {
        expect(parseOrders(schema, ['level:desc,parent:asc', 'name:iasc,bogus'])).toEqual(
            [
                { property: 'level', direction: 'desc' },
                { property: 'name', direction: 'iasc' },
                { property: 'bogus', direction: 'asc' },
            ].filter((o) => o.property !== 'bogus')
        )
        const sorted = sortObjects(
            schema,
            [item, parent],
            [{ property: 'level', direction: 'asc' }]
        )
        expect(sorted.map((o) => o.id)).toEqual([parent.id, item.id])
        const byCode = sortObjects(schema, [parent, item], [{ property: 'code', direction: 'asc' }])
        expect(byCode.map((o) => o.id)).toEqual([item.id, parent.id])
    })
})
