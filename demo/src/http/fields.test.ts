import { describe, expect, it } from 'vitest'
import { filterFields, parseFields, selectFields } from './fields'

const me = {
    id: 'u1',
    name: 'John Traore',
    email: 'a@b.c',
    settings: { keyUiLocale: 'en', keyDbLocale: 'fr' },
    organisationUnits: [
        { id: 'ou1', name: 'Tinyland', path: '/ou1', level: 1 },
        { id: 'ou2', name: 'North', path: '/ou1/ou2', level: 2 },
    ],
    userRoles: [{ id: 'r1', name: 'Superuser', authorities: ['ALL'] }],
    parent: { id: 'p1', name: 'Parent' },
    authorities: ['ALL'],
}

describe('DHIS2 fields filter', () => {
    it('parses nesting, exclusions, presets and transformers', () => {
        expect(parseFields('id,a[b,c[d]],!x,:all,name~rename(n)')).toEqual([
            { name: 'id', exclude: false, children: null, transformers: [] },
            {
                name: 'a',
                exclude: false,
                children: [
                    { name: 'b', exclude: false, children: null, transformers: [] },
                    {
                        name: 'c',
                        exclude: false,
                        children: [{ name: 'd', exclude: false, children: null, transformers: [] }],
                        transformers: [],
                    },
                ],
                transformers: [],
            },
            { name: 'x', exclude: true, children: null, transformers: [] },
            { name: ':all', exclude: false, children: null, transformers: [] },
            {
                name: 'name',
                exclude: false,
                children: null,
                transformers: [{ name: 'rename', args: ['n'] }],
            },
        ])
    })

    it('selects named fields in the requested order', () => {
        expect(selectFields(me, 'name,id')).toEqual({ name: 'John Traore', id: 'u1' })
        expect(Object.keys(selectFields(me, 'name,id') as object)).toEqual(['name', 'id'])
    })

    it('renders identifiable objects as references under * and :all, plain objects whole', () => {
        for (const all of ['*', ':all']) {
            const out = selectFields(me, all) as Record<string, unknown>
            expect(out.organisationUnits).toEqual([{ id: 'ou1' }, { id: 'ou2' }])
            expect(out.parent).toEqual({ id: 'p1' })
            expect(out.settings).toEqual(me.settings)
            expect(out.authorities).toEqual(['ALL'])
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
    })

    it('ignores unknown fields, filters arrays element-wise and uses the default', () => {
        expect(selectFields(me, 'nope,id')).toEqual({ id: 'u1' })
        expect(filterFields([me, me], parseFields('id'))).toEqual([{ id: 'u1' }, { id: 'u1' }])
        expect(selectFields({ a: 1 }, [], 'a')).toEqual({ a: 1 })
        expect(selectFields(me, ':identifiable')).toEqual({ id: 'u1', name: 'John Traore' })
    })
})
