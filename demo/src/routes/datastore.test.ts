import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { body, newStateDir, startTestServer, type TestServer } from '../testing/harness'

describe('dataStore', () => {
    let server: TestServer

    beforeAll(async () => {
        server = await startTestServer()
    })
    afterAll(() => server.stop())

    it('creates, reads, updates and deletes entries with DHIS2 messages', async () => {
        expect(await (await server.get('/api/dataStore')).json()).toEqual([])

        const missingNs = await server.get('/api/dataStore/foo')
        expect(missingNs.status).toBe(404)
        expect(await missingNs.json()).toEqual({
            httpStatus: 'Not Found',
            httpStatusCode: 404,
            status: 'ERROR',
            message: "Namespace not found: 'foo'",
            errorCode: 'E1005',
        })

        const created = await server.send('POST', '/api/dataStore/foo/k1', { a: 1 })
        expect(created.status).toBe(201)
        expect(await created.json()).toEqual({
            httpStatus: 'Created',
            httpStatusCode: 201,
            status: 'OK',
            message: "Key created: 'k1'",
        })

        const again = await server.send('POST', '/api/dataStore/foo/k1', { a: 2 })
        expect(again.status).toBe(409)
        expect(await again.json()).toEqual({
            httpStatus: 'Conflict',
            httpStatusCode: 409,
            status: 'ERROR',
            message: "Key 'k1' already exists in namespace 'foo'",
            errorCode: 'E1004',
        })

        expect(await (await server.get('/api/dataStore/foo/k1')).json()).toEqual({ a: 1 })
        expect(await (await server.get('/api/dataStore')).json()).toEqual(['foo'])
        expect(await (await server.get('/api/dataStore/foo')).json()).toEqual(['k1'])
        expect(await (await server.get('/api/41/dataStore/foo/keys')).json()).toEqual(['k1'])

        const updated = await server.send('PUT', '/api/dataStore/foo/k1', [1, 2, 3])
        expect(updated.status).toBe(200)
        expect(await updated.json()).toEqual({
            httpStatus: 'OK',
            httpStatusCode: 200,
            status: 'OK',
            message: "Key updated: 'k1'",
        })
        expect(await (await server.get('/api/dataStore/foo/k1')).json()).toEqual([1, 2, 3])
        const putNew = await server.send('PUT', '/api/dataStore/foo/k2', '"text"')
        expect(putNew.status).toBe(201)
        expect(await (await server.get('/api/dataStore/foo/k2')).json()).toBe('text')

        const missingKey = await server.get('/api/dataStore/foo/zz')
        expect(missingKey.status).toBe(404)
        expect(await missingKey.json()).toEqual({
            httpStatus: 'Not Found',
            httpStatusCode: 404,
            status: 'ERROR',
            message: "Key 'zz' not found in namespace 'foo'",
            errorCode: 'E1005',
        })

        const deleted = await server.send('DELETE', '/api/dataStore/foo/k1', undefined)
        expect(await deleted.json()).toMatchObject({
            httpStatusCode: 200,
            message: "Key 'k1' deleted from namespace 'foo'",
        })
        expect((await server.get('/api/dataStore/foo/k1')).status).toBe(404)

        const nsDeleted = await server.send('DELETE', '/api/dataStore/foo', undefined)
        expect(await nsDeleted.json()).toMatchObject({
            httpStatusCode: 200,
            message: "Namespace deleted: 'foo'",
        })
        expect((await server.get('/api/dataStore/foo')).status).toBe(404)
        expect((await server.send('DELETE', '/api/dataStore/foo', undefined)).status).toBe(404)
    })

    it('rejects invalid JSON and non-JSON content types', async () => {
        const bad = await server.send('POST', '/api/dataStore/bar/k', '{nope')
        expect(bad.status).toBe(400)
        expect(await bad.json()).toMatchObject({
            message: "Invalid JSON value for key 'k'",
            errorCode: 'E1003',
        })
        const text = await server.send('POST', '/api/dataStore/bar/k', '1', 'admin', {
            headers: { 'Content-Type': 'text/plain' },
        })
        expect(text.status).toBe(415)
        expect((await server.get('/api/dataStore/bar')).status).toBe(404)
    })

    it('returns entry metadata with sharing', async () => {
        await server.send('POST', '/api/dataStore/meta/k', { x: true })
        const meta = await body(await server.get('/api/dataStore/meta/k/metaData'))
        const admin = await body<{ id: string }>(await server.get('/api/me?fields=id'))
        expect(meta).toMatchObject({
            id: expect.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{10}$/),
            namespace: 'meta',
            key: 'k',
            value: '{"x":true}',
            created: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
            lastUpdated: expect.any(String),
            sharing: {
                owner: admin.id,
                external: false,
                public: 'rw------',
                users: {},
                userGroups: {},
            },
            publicAccess: 'rw------',
            createdBy: { id: admin.id, username: 'admin' },
            access: { read: true, write: true },
        })
    })

    it('lets only the editors an entry is shared with change it, as DHIS2 does', async () => {
        // No invented namespace rule: without the app installed the namespace is not protected,
        // and a new entry's public access is rw------ (every user may write it)
        expect(
            (await server.send('PUT', '/api/dataStore/triangulate/config', { version: 1 })).status
        ).toBe(201)
        expect(
            (
                await server.send(
                    'PUT',
                    '/api/dataStore/triangulate/config',
                    { version: 2 },
                    'analyst'
                )
            ).status
        ).toBe(200)

        // The app shares it: public read, the editors group read/write (SharingController)
        const meta = await body<{ id: string }>(
            await server.get('/api/dataStore/triangulate/config/metaData')
        )
        const editors = await body<{ userGroups: { id: string }[] }>(
            await server.get('/api/userGroups?filter=displayName:ilike:editors&fields=id', 'admin')
        )
        const group = editors.userGroups[0]?.id
        expect(group).toBeTruthy()
        const shared = await server.send('POST', `/api/sharing?type=dataStore&id=${meta.id}`, {
            object: {
                publicAccess: 'r-------',
                userGroupAccesses: [{ id: group, access: 'rw------' }],
            },
        })
        expect(shared.status).toBe(200)

        // A non-editor with the app reads it, and the server refuses their writes
        expect(
            await (await server.get('/api/dataStore/triangulate/config', 'analyst')).json()
        ).toEqual({ version: 2 })
        const refused = {
            httpStatus: 'Forbidden',
            httpStatusCode: 403,
            status: 'ERROR',
            message: "Access denied for key 'config' in namespace 'triangulate'",
        }
        const put = await server.send(
            'PUT',
            '/api/dataStore/triangulate/config',
            { version: 3 },
            'analyst'
        )
        expect(put.status).toBe(403)
        expect(await put.json()).toEqual(refused)
        expect(
            (await server.send('DELETE', '/api/dataStore/triangulate/config', undefined, 'analyst'))
                .status
        ).toBe(403)
        expect(
            (await server.send('DELETE', '/api/dataStore/triangulate', undefined, 'analyst')).status
        ).toBe(403)
        // ...nor may they share it again
        expect(
            (
                await server.send(
                    'POST',
                    `/api/sharing?type=dataStore&id=${meta.id}`,
                    { object: { publicAccess: 'rw------' } },
                    'analyst'
                )
            ).status
        ).toBe(403)
        // A new key is theirs to create (DHIS2 has no rule against it)
        expect(
            (await server.send('POST', '/api/dataStore/triangulate/other', {}, 'analyst')).status
        ).toBe(201)

        // The named editor (member of the group) and superusers may change it
        expect(
            (
                await server.send(
                    'PUT',
                    '/api/dataStore/triangulate/config',
                    { version: 4 },
                    'editor'
                )
            ).status
        ).toBe(200)
        expect(
            (
                await server.send(
                    'PUT',
                    '/api/dataStore/triangulate/config',
                    { version: 5 },
                    'district'
                )
            ).status
        ).toBe(200)
    })

    it('answers PUT of a missing key as the DHIS2 version does', async () => {
        const old = await startTestServer({ dhis2Version: '2.40.7' })
        try {
            const put = await old.send('PUT', '/api/dataStore/foo/missing', { a: 1 })
            expect(put.status).toBe(404)
            expect(((await put.json()) as { message: string }).message).toBe(
                "Key 'missing' not found in namespace 'foo'"
            )
            expect(
                (await body<{ version: string }>(await old.get('/api/system/info'))).version
            ).toBe('2.40.7')
        } finally {
            await old.stop()
        }
        expect((await server.send('PUT', '/api/dataStore/foo2/missing', { a: 1 })).status).toBe(201)
    })

    it('decides who may change sharing as DHIS2 2.41 does (SharingController, DefaultAclService)', async () => {
        // an entry with DHIS2's default public access rw------: every user has metadata write,
        // so every user may manage its sharing, even lock others out (DHIS2 accepts that too)
        await server.send('POST', '/api/dataStore/lockout/k', { v: 1 })
        const meta = await body<{ id: string }>(
            await server.get('/api/dataStore/lockout/k/metaData')
        )
        const post = (object: Record<string, unknown>, as = 'analyst'): Promise<Response> =>
            server.send('POST', `/api/sharing?type=dataStore&id=${meta.id}`, { object }, as)

        const invalid = await post({ publicAccess: 'rwx-----' })
        expect(invalid.status).toBe(409)
        expect(await invalid.json()).toEqual({
            httpStatus: 'Conflict',
            httpStatusCode: 409,
            status: 'ERROR',
            message: 'Invalid public access string: rwx-----',
        })
        const badUser = await post({
            publicAccess: 'rw------',
            userAccesses: [{ id: 'x', access: 'rwrwrwrw' }],
        })
        expect(badUser.status).toBe(409)
        expect(await body(badUser)).toMatchObject({
            message: 'Invalid user access string: rwrwrwrw',
        })

        // data sharing is switched off, unknown users dropped, externalAccess ignored
        const accepted = await post({
            publicAccess: 'rwrw----',
            externalAccess: true,
            userAccesses: [
                { id: 'nobody00001', access: 'rw------' },
                { id: '__proto__', access: 'rw------' },
            ],
        })
        expect(accepted.status).toBe(200)
        expect(await body(accepted)).toMatchObject({ message: 'Access control set' })
        const shared = await body<{ object: Record<string, unknown> }>(
            await server.get(`/api/sharing?type=dataStore&id=${meta.id}`)
        )
        expect(shared.object).toMatchObject({
            publicAccess: 'rw------',
            externalAccess: false,
            userAccesses: [],
            userGroupAccesses: [],
        })

        // the lockout: accepted for a user with write access, as in DHIS2
        expect((await post({ publicAccess: '--------' })).status).toBe(200)
        expect((await server.get('/api/dataStore/lockout/k', 'analyst')).status).toBe(403)
        expect((await server.get('/api/dataStore/lockout/k')).status).toBe(200)

        // without write access the analyst may not manage the sharing any more
        expect((await post({ publicAccess: 'r-------' }, 'admin')).status).toBe(200)
        const denied = await post({ publicAccess: '--------' })
        expect(denied.status).toBe(403)
        expect(await denied.json()).toEqual({
            httpStatus: 'Forbidden',
            httpStatusCode: 403,
            status: 'ERROR',
            message: 'You do not have manage access to this object.',
        })
        const missing = await server.get('/api/sharing?type=dataStore&id=nope', 'analyst')
        expect(missing.status).toBe(404)
        expect(await body(missing)).toMatchObject({
            message: 'Object of type dataStore with ID nope was not found.',
        })
    })

    it('applies entry sharing: no write without w, no read without r', async () => {
        await server.send('POST', '/api/dataStore/shared/k', { v: 1 })
        const meta = await body<{ id: string }>(
            await server.get('/api/dataStore/shared/k/metaData')
        )
        const setPublic = (access: string): Promise<Response> =>
            server.send('POST', `/api/sharing?type=dataStore&id=${meta.id}`, {
                object: { publicAccess: access },
            })

        expect((await setPublic('r-------')).status).toBe(200)
        const sharing = await body<{ object: unknown }>(
            await server.get(`/api/sharing?type=dataStore&id=${meta.id}`)
        )
        expect(sharing.object).toMatchObject({ id: meta.id, publicAccess: 'r-------' })
        expect(await (await server.get('/api/dataStore/shared/k', 'analyst')).json()).toEqual({
            v: 1,
        })
        const write = await server.send('PUT', '/api/dataStore/shared/k', { v: 2 }, 'analyst')
        expect(write.status).toBe(403)
        expect(await write.json()).toEqual({
            httpStatus: 'Forbidden',
            httpStatusCode: 403,
            status: 'ERROR',
            message: "Access denied for key 'k' in namespace 'shared'",
        })
        expect(
            (await server.send('DELETE', '/api/dataStore/shared/k', undefined, 'analyst')).status
        ).toBe(403)

        expect((await setPublic('--------')).status).toBe(200)
        expect((await server.get('/api/dataStore/shared/k', 'analyst')).status).toBe(403)
        // the owner still has full access
        expect((await server.send('PUT', '/api/dataStore/shared/k', { v: 3 })).status).toBe(200)
    })

    it('answers the query API with fields, filters and paging', async () => {
        await server.send('POST', '/api/dataStore/q/a', { name: 'Amox', n: 3 })
        await server.send('POST', '/api/dataStore/q/b', { name: 'Oxytocin', n: 10 })
        expect(await (await server.get('/api/dataStore/q?fields=.')).json()).toEqual({
            pager: { page: 1, pageSize: 50 },
            entries: [
                { key: 'a', value: { name: 'Amox', n: 3 } },
                { key: 'b', value: { name: 'Oxytocin', n: 10 } },
            ],
        })
        expect(
            await (
                await server.get('/api/dataStore/q?fields=name&filter=n:gt:5&headless=true')
            ).json()
        ).toEqual([{ key: 'b', name: 'Oxytocin' }])
        expect(
            await (await server.get('/api/dataStore/q?fields=&paging=false&order=n:ndesc')).json()
        ).toEqual([{ key: 'b' }, { key: 'a' }])
    })
})

describe('alert follow-ups as the app stores them', () => {
    let server: TestServer

    beforeAll(async () => {
        server = await startTestServer()
    })
    afterAll(() => server.stop())

    it('lists follow-ups by key prefix with their values, claims included, in pages', async () => {
        const followUp = (ou: string) => ({ orgUnitId: ou, pairId: 'oxy', history: [] })
        await server.send('POST', '/api/dataStore/fu/config', { programAreas: [] })
        await server.send('POST', '/api/dataStore/fu/followup--B--oxy', followUp('B'))
        await server.send('POST', '/api/dataStore/fu/followup--A--oxy', followUp('A'))
        await server.send('POST', '/api/dataStore/fu/followup--A--oxy--save--t1', {
            claimedBy: 'r',
        })
        const page = (n: number) =>
            server.get(
                `/api/dataStore/fu?fields=.&filter=${encodeURIComponent('_:$like:followup--')}&page=${n}&pageSize=2`
            )
        expect(await (await page(1)).json()).toEqual({
            pager: { page: 1, pageSize: 2 },
            entries: [
                { key: 'followup--A--oxy', value: followUp('A') },
                { key: 'followup--A--oxy--save--t1', value: { claimedBy: 'r' } },
            ],
        })
        expect(await (await page(2)).json()).toEqual({
            pager: { page: 2, pageSize: 2 },
            entries: [{ key: 'followup--B--oxy', value: followUp('B') }],
        })
    })

    it('lets every user write a follow-up created with the default sharing, and read it back', async () => {
        const created = await server.send(
            'POST',
            '/api/dataStore/fu/followup--C--oxy',
            { orgUnitId: 'C', pairId: 'oxy', history: [] },
            'editor'
        )
        expect(created.status).toBe(201)
        const meta = await body(await server.get('/api/dataStore/fu/followup--C--oxy/metaData'))
        expect(meta).toMatchObject({ sharing: { public: 'rw------' } })
        const byAnalyst = await server.send(
            'PUT',
            '/api/dataStore/fu/followup--C--oxy',
            { orgUnitId: 'C', pairId: 'oxy', history: [{ action: 'acknowledge' }] },
            'analyst'
        )
        expect(byAnalyst.status).toBe(200)
        expect(
            await (await server.get('/api/dataStore/fu/followup--C--oxy', 'editor')).json()
        ).toMatchObject({ history: [{ action: 'acknowledge' }] })
    })
})

describe('dataStore persistence', () => {
    it('keeps entries across restarts in datastore.json', async () => {
        const first = await startTestServer()
        await first.send('POST', '/api/dataStore/triangulate/config', { thresholds: [1, 2] })
        await first.stop(true)
        const file = join(first.stateDir, 'datastore.json')
        expect(JSON.parse(readFileSync(file, 'utf8')).entries).toHaveLength(1)
        expect(readdirSync(first.stateDir).filter((f) => f.includes('.tmp-'))).toEqual([])

        const second = await startTestServer({ stateDir: first.stateDir })
        try {
            expect(await (await second.get('/api/dataStore/triangulate/config')).json()).toEqual({
                thresholds: [1, 2],
            })
        } finally {
            await second.stop()
        }
    })

    it('moves a corrupt datastore.json aside, reports it, and never overwrites it', async () => {
        const stateDir = newStateDir()
        const file = join(stateDir, 'datastore.json')
        writeFileSync(file, '{"entries": [ this is not json')
        const server = await startTestServer({ stateDir })
        try {
            const aside = readdirSync(stateDir).filter((f) =>
                f.startsWith('datastore.json.corrupt-')
            )
            expect(aside).toHaveLength(1)
            expect(readFileSync(join(stateDir, aside[0] as string), 'utf8')).toBe(
                '{"entries": [ this is not json'
            )
            expect(
                server.logs.some(
                    (l) => l.includes('datastore.json is corrupt') && l.includes(aside[0] as string)
                )
            ).toBe(true)
            expect(existsSync(file)).toBe(false)
            expect(await (await server.get('/api/dataStore')).json()).toEqual([])
            await server.send('POST', '/api/dataStore/ns/k', 1)
            expect(JSON.parse(readFileSync(file, 'utf8')).entries).toHaveLength(1)
        } finally {
            await server.stop()
        }
    })

    it('seeds entries only when they are absent', async () => {
        const seed = { triangulate: { config: { version: 1 }, alerts: [] } }
        const first = await startTestServer({ seedDataStore: seed })
        expect(first.logs.some((l) => l.includes('seeded 2 dataStore entries'))).toBe(true)
        // ...and shared as the app shares them, with the demo's editors group named
        expect(first.logs.some((l) => l.includes('shared 3 triangulate entries'))).toBe(true)
        await first.send('PUT', '/api/dataStore/triangulate/config', { version: 99 })
        await first.stop(true)
        const second = await startTestServer({ stateDir: first.stateDir, seedDataStore: seed })
        try {
            expect(await (await second.get('/api/dataStore/triangulate/config')).json()).toEqual({
                version: 99,
            })
            expect(await (await second.get('/api/dataStore/triangulate')).json()).toEqual([
                'alerts',
                'config',
                'editors',
            ])
            expect(
                (await second.send('PUT', '/api/dataStore/triangulate/config', {}, 'analyst'))
                    .status
            ).toBe(403)
        } finally {
            await second.stop()
        }
    })
})
