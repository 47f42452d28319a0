import { describe, expect, it } from 'vitest'
import { defineSchema, type SchemaRegistry } from '../metadata/schema'
import { filterFields, parseFields, renderObject, selectFields } from './fields'

const leaf = (name: string) => ({ name, exclude: false, children: null, transformers: [] })

describe('fields parser', () => {
    it('parses nesting, exclusions, presets and transformers', () => {
        expect(parseFields('id,a[b,c[d]],!x,:all,name~rename(n)')).toEqual([
            leaf('id'),
            {
                name: 'a',
                exclude: false,
                children: [
                    leaf('b'),
                    { name: 'c', exclude: false, children: [leaf('d')], transformers: [] },
                ],
                transformers: [],
            },
            { name: 'x', exclude: true, children: null, transformers: [] },
            leaf(':all'),
            {
                name: 'name',
                exclude: false,
                children: null,
                transformers: [{ name: 'rename', args: ['n'] }],
            },
        ])
        expect(parseFields('children[id,name],!code,:nameable')).toEqual([
            {
                name: 'children',
                exclude: false,
                children: [leaf('id'), leaf('name')],
                transformers: [],
            },
            { name: 'code', exclude: true, children: null, transformers: [] },
            leaf(':nameable'),
        ])
        expect(parseFields('a(b(c)),d')[0]?.children?.[0]?.children?.[0]?.name).toBe('c')
        expect(parseFields(' id , , name ')).toHaveLength(2)
    })

    it('joins repeated parameters and accepts none', () => {
        expect(parseFields(['id,name', 'code']).map((s) => s.name)).toEqual(['id', 'name', 'code'])
        expect(parseFields(null)).toEqual([])
        expect(parseFields([])).toEqual([])
    })

    it('reads transformers before or after a nested selection, and their legacy forms', () => {
        const transformers = (text: string) => parseFields(text)[0]?.transformers
        expect(transformers('a[id]~rename(b)')).toEqual([{ name: 'rename', args: ['b'] }])
        expect(parseFields('a~pluck[name]')[0]).toEqual({
            name: 'a',
            exclude: false,
            children: [leaf('name')],
            transformers: [{ name: 'pluck', args: [] }],
        })
        expect(transformers('a~size~rename(n)')).toEqual([
            { name: 'size', args: [] },
            { name: 'rename', args: ['n'] },
        ])
        expect(transformers('a::rename(b)::size')).toEqual([
            { name: 'rename', args: ['b'] },
            { name: 'size', args: [] },
        ])
        expect(transformers('a|rename(b)')).toEqual([{ name: 'rename', args: ['b'] }])
        expect(transformers('a~keyBy(code;x)')).toEqual([{ name: 'keyBy', args: ['code', 'x'] }])
        expect(parseFields(':all')[0]?.name).toBe(':all')
    })
})

const me = {
    id: 'u1',
    name: 'John Traore',
    email: 'a@b.c',
    phoneNumber: null,
    settings: { keyUiLocale: 'en', keyDbLocale: 'fr' },
    organisationUnits: [
        { id: 'ou1', name: 'Tinyland', path: '/ou1', level: 1 },
        { id: 'ou2', name: 'North', path: '/ou1/ou2', level: 2 },
    ],
    userRoles: [{ id: 'r1', name: 'Superuser', authorities: ['ALL'] }],
    parent: { id: 'p1', name: 'Parent' },
    authorities: ['ALL'],
}

describe('fields over plain JSON', () => {
    it('selects named fields in the requested order', () => {
        expect(selectFields(me, 'name,id')).toEqual({ name: 'John Traore', id: 'u1' })
        expect(Object.keys(selectFields(me, 'name,id') as object)).toEqual(['name', 'id'])
    })

    it('renders identifiable objects as references under * and :all, plain objects whole', () => {
        for (const all of ['*', ':all', ':owner']) {
            const out = selectFields(me, all) as Record<string, unknown>
            expect(out.organisationUnits).toEqual([{ id: 'ou1' }, { id: 'ou2' }])
            expect(out.parent).toEqual({ id: 'p1' })
            expect(out.settings).toEqual(me.settings)
            expect(out.authorities).toEqual(['ALL'])
            // plain JSON keeps its nulls
            expect(out.phoneNumber).toBeNull()
        }
    })

    it('expands nested selections, with * inside', () => {
        expect(selectFields(me, 'organisationUnits[id,path],userRoles[*]')).toEqual({
            organisationUnits: [
                { id: 'ou1', path: '/ou1' },
                { id: 'ou2', path: '/ou1/ou2' },
            ],
            userRoles: [{ id: 'r1', name: 'Superuser', authorities: ['ALL'] }],
        })
        expect(selectFields(me, 'settings[keyUiLocale]')).toEqual({
            settings: { keyUiLocale: 'en' },
        })
        expect(selectFields(me, 'organisationUnits(id,level)')).toEqual({
            organisationUnits: [
                { id: 'ou1', level: 1 },
                { id: 'ou2', level: 2 },
            ],
        })
        expect(selectFields(me, 'organisationUnits[id],organisationUnits[level]')).toEqual({
            organisationUnits: [
                { id: 'ou1', level: 1 },
                { id: 'ou2', level: 2 },
            ],
        })
        expect(selectFields(me, 'organisationUnits[*,!path,!name]')).toEqual({
            organisationUnits: [
                { id: 'ou1', level: 1 },
                { id: 'ou2', level: 2 },
            ],
        })
    })

    it('excludes with ! and supports transformers', () => {
        const out = selectFields(me, '*,!organisationUnits,!settings') as Record<string, unknown>
        expect(out).not.toHaveProperty('organisationUnits')
        expect(out).not.toHaveProperty('settings')
        expect(out.id).toBe('u1')
        expect(
            selectFields(me, 'name~rename(fullName),organisationUnits~size,userRoles~pluck(name)')
        ).toEqual({ fullName: 'John Traore', organisationUnits: 2, userRoles: ['Superuser'] })
        expect(selectFields(me, 'id,organisationUnits[id]~rename(ous)')).toEqual({
            id: 'u1',
            ous: [{ id: 'ou1' }, { id: 'ou2' }],
        })
        expect(selectFields(me, 'organisationUnits~pluck,authorities~isEmpty')).toEqual({
            organisationUnits: ['ou1', 'ou2'],
            authorities: false,
        })
        // DHIS2 keeps the items that lack the plucked field
        expect(selectFields(me, 'userRoles~pluck(nope)')).toEqual({ userRoles: me.userRoles })
        expect(selectFields(me, 'settings~size,name~size,authorities~isNotEmpty')).toEqual({
            settings: me.settings,
            name: 11,
            authorities: true,
        })
        expect(selectFields(me, 'organisationUnits~keyBy(level)')).toEqual({
            organisationUnits: { '1': me.organisationUnits[0], '2': me.organisationUnits[1] },
        })
    })

    it('renames a field selected by a preset instead of repeating it', () => {
        const out = selectFields(me, '*,name~rename(fullName)') as Record<string, unknown>
        expect(out.fullName).toBe('John Traore')
        expect(out).not.toHaveProperty('name')
        expect(
            Object.keys(selectFields({ a: 1, name: 'x', b: 2 }, '*,name~rename(n)') as object)
        ).toEqual(['a', 'n', 'b'])
        expect(selectFields(me, 'parent,parent[name]~rename(p)')).toEqual({
            parent: { id: 'p1' },
            p: { name: 'Parent' },
        })
    })

    it('ignores unknown fields and presets, filters arrays element-wise and uses the default', () => {
        expect(selectFields(me, 'nope,id')).toEqual({ id: 'u1' })
        expect(selectFields(me, ':nope,id')).toEqual({ id: 'u1' })
        expect(filterFields([me, me], parseFields('id'))).toEqual([{ id: 'u1' }, { id: 'u1' }])
        expect(filterFields('text', parseFields('id'))).toBe('text')
        expect(filterFields(me, [])).toBe(me)
        expect(selectFields({ a: 1 }, [], 'a')).toEqual({ a: 1 })
        expect(selectFields(me, ':identifiable')).toEqual({ id: 'u1', name: 'John Traore' })
        expect(selectFields(me, ':simple')).toEqual({
            id: 'u1',
            name: 'John Traore',
            email: 'a@b.c',
            phoneNumber: null,
        })
    })
})

interface Node {
    id: string
    name: string
    code?: string
    parent?: Node
    kids: Node[]
    tags: string[]
    links: { label: string; node: Node }[]
}

const root: Node = { id: 'r', name: 'Root', code: 'R', kids: [], tags: ['x'], links: [] }
const a: Node = { id: 'a', name: 'A', parent: root, kids: [], tags: [], links: [] }
const b: Node = { id: 'b', name: 'B', parent: root, kids: [], tags: [], links: [] }
root.kids.push(a, b)
root.links.push({ label: 'first', node: a })

const nodeSchema = defineSchema<Node>({
    klass: 'Node',
    plural: 'nodes',
    identifiable: true,
    all: () => [root, a, b],
    props: {
        id: { kind: 'value', get: (o) => o.id },
        name: { kind: 'value', get: (o) => o.name },
        code: { kind: 'value', get: (o) => o.code },
        displayName: { kind: 'value', get: (o) => o.name },
        parent: { kind: 'ref', type: 'Node', get: (o) => o.parent },
        kids: { kind: 'refs', type: 'Node', get: (o) => o.kids },
        tags: { kind: 'value', get: (o) => o.tags },
        links: { kind: 'embedded', type: 'Link', get: (o) => o.links },
    },
})
const linkSchema = defineSchema<Node['links'][number]>({
    klass: 'Link',
    plural: 'links',
    identifiable: false,
    all: () => root.links,
    props: {
        label: { kind: 'value', get: (o) => o.label },
        node: { kind: 'ref', type: 'Node', get: (o) => o.node },
    },
})
const registry: SchemaRegistry = { Node: nodeSchema, Link: linkSchema }
const render = (obj: Node, fields: string) =>
    renderObject(registry, nodeSchema, obj, parseFields(fields))

describe('fields over metadata schemas', () => {
    it('renders references as ids unless a nested selection is given', () => {
        expect(render(a, 'id,parent')).toEqual({ id: 'a', parent: { id: 'r' } })
        expect(render(a, 'parent[name,kids]')).toEqual({
            parent: { name: 'Root', kids: [{ id: 'a' }, { id: 'b' }] },
        })
        expect(render(root, '*')).toEqual({
            id: 'r',
            name: 'Root',
            code: 'R',
            displayName: 'Root',
            kids: [{ id: 'a' }, { id: 'b' }],
            tags: ['x'],
            links: [{ label: 'first', node: { id: 'a' } }],
        })
        expect(render(root, 'links[node[name]]')).toEqual({ links: [{ node: { name: 'A' } }] })
        expect(render(root, '*,!kids,!name,!links,!tags,!code')).toEqual({
            id: 'r',
            displayName: 'Root',
        })
        expect(render(root, 'unknown,id')).toEqual({ id: 'r' })
        // null properties are left out
        expect(render(a, 'id,code,parent[code]')).toEqual({ id: 'a', parent: { code: 'R' } })
    })

    it('expands presets; unknown presets select nothing', () => {
        expect(render(root, ':identifiable')).toEqual({ id: 'r', name: 'Root', code: 'R' })
        expect(render(a, ':nameable')).toEqual({ id: 'a', name: 'A' })
        expect(render(root, ':simple')).toEqual({
            id: 'r',
            name: 'Root',
            code: 'R',
            displayName: 'Root',
        })
        expect(render(root, ':persisted,!kids,!links,!tags')).toEqual(render(root, ':simple'))
        expect(render(root, ':unknown')).toEqual({})
    })

    it('applies transformers', () => {
        expect(render(root, 'kids~size,name~size,tags~size')).toEqual({
            kids: 2,
            name: 4,
            tags: 1,
        })
        expect(render(root, 'kids~isEmpty,tags~isNotEmpty,name~rename(label)')).toEqual({
            kids: false,
            tags: true,
            label: 'Root',
        })
        expect(render(root, 'kids~pluck')).toEqual({ kids: ['a', 'b'] })
        expect(render(root, 'kids~pluck[name]')).toEqual({ kids: ['A', 'B'] })
        expect(render(root, 'kids~pluck(name)')).toEqual({ kids: ['A', 'B'] })
        expect(render(root, 'kids[name]~pluck(code)')).toEqual({
            kids: [{ name: 'A' }, { name: 'B' }],
        })
        expect(render(root, 'kids~keyBy')).toEqual({ kids: { a: { id: 'a' }, b: { id: 'b' } } })
        expect(render(root, 'kids[name,parent]~keyBy(parent)')).toEqual({ kids: {} })
        expect(render(root, 'kids[id,code]~keyBy(name)')).toEqual({ kids: {} })
        expect(render(root, 'kids~keyBy(name)')).toEqual({
            kids: { A: { id: 'a', name: 'A' }, B: { id: 'b', name: 'B' } },
        })
        expect(render(root, 'kids[id],kids~size~rename(count)')).toEqual({
            kids: [{ id: 'a' }, { id: 'b' }],
            count: 2,
        })
        expect(render(root, '*,!links,!tags,kids~size')).toEqual({
            id: 'r',
            name: 'Root',
            code: 'R',
            displayName: 'Root',
            kids: 2,
        })
    })

    it('gathers items sharing a keyBy key', () => {
        expect(
            selectFields({ xs: [{ k: 1, v: 'a' }, { k: 1, v: 'b' }, { k: 2 }] }, 'xs~keyBy(k)')
        ).toEqual({
            xs: {
                '1': [
                    { k: 1, v: 'a' },
                    { k: 1, v: 'b' },
                ],
                '2': { k: 2 },
            },
        })
    })
})
