import { describe, expect, it } from 'vitest'
import { parseFields, renderObject } from './fields'
import { defineSchema, type SchemaRegistry } from './schema'

interface Node {
    id: string
    name: string
    parent?: Node
    kids: Node[]
}

const root: Node = { id: 'r', name: 'Root', kids: [] }
const a: Node = { id: 'a', name: 'A', parent: root, kids: [] }
const b: Node = { id: 'b', name: 'B', parent: root, kids: [] }
root.kids.push(a, b)

const nodeSchema = defineSchema<Node>({
    klass: 'Node',
    plural: 'nodes',
    identifiable: true,
    all: () => [root, a, b],
    props: {
        id: { kind: 'value', get: (o) => o.id },
        name: { kind: 'value', get: (o) => o.name },
        displayName: { kind: 'value', get: (o) => o.name },
        parent: { kind: 'ref', type: 'Node', get: (o) => o.parent },
        kids: { kind: 'refs', type: 'Node', get: (o) => o.kids },
    },
})
const registry: SchemaRegistry = { Node: nodeSchema }
const render = (obj: Node, fields: string) =>
    renderObject(registry, nodeSchema, obj, parseFields(fields))

describe('fields parser', () => {
    it('parses names, nesting, exclusions, presets and transformers', () => {
        expect(parseFields('id,children[id,name],!code,:nameable,name~rename(n)')).toEqual([
            { name: 'id', exclude: false, children: null, transformers: [] },
            {
                name: 'children',
                exclude: false,
                children: [
                    { name: 'id', exclude: false, children: null, transformers: [] },
                    { name: 'name', exclude: false, children: null, transformers: [] },
                ],
                transformers: [],
            },
            { name: 'code', exclude: true, children: null, transformers: [] },
            { name: ':nameable', exclude: false, children: null, transformers: [] },
            {
                name: 'name',
                exclude: false,
                children: null,
                transformers: [{ name: 'rename', args: ['n'] }],
            },
        ])
        expect(parseFields('a(b(c)),d')[0]?.children?.[0]?.children?.[0]?.name).toBe('c')
        expect(parseFields(' id , , name ')).toHaveLength(2)
    })
})

describe('rendering', () => {
    it('renders references as ids unless a nested selection is given', () => {
        expect(render(a, 'id,parent')).toEqual({ id: 'a', parent: { id: 'r' } })
        expect(render(a, 'parent[name,kids]')).toEqual({
            parent: { name: 'Root', kids: [{ id: 'a' }, { id: 'b' }] },
        })
        expect(render(root, '*')).toEqual({
            id: 'r',
            name: 'Root',
            displayName: 'Root',
            kids: [{ id: 'a' }, { id: 'b' }],
        })
        expect(render(root, '*,!kids,!name')).toEqual({ id: 'r', displayName: 'Root' })
        expect(render(root, 'unknown,id')).toEqual({ id: 'r' })
    })

    it('applies transformers', () => {
        expect(render(root, 'kids~size')).toEqual({ kids: 2 })
        expect(render(root, 'kids~isEmpty,name~rename(label)')).toEqual({
            kids: false,
            label: 'Root',
        })
        expect(render(root, 'kids~pluck')).toEqual({ kids: ['a', 'b'] })
        expect(render(root, 'kids~pluck[name]')).toEqual({ kids: ['A', 'B'] })
        expect(render(root, 'kids~pluck(name)')).toEqual({ kids: ['A', 'B'] })
        expect(render(root, 'kids[id],kids~size~rename(count)')).toEqual({
            kids: [{ id: 'a' }, { id: 'b' }],
            count: 2,
        })
    })
})
