import { describe, expect, it } from 'vitest'
import { parseDemoArgs, scriptOption } from './cliArgs'

describe('parseDemoArgs', () => {
    it('has defaults', () => {
        expect(parseDemoArgs([], {})).toEqual({
            port: 8080,
            host: '127.0.0.1',
            facilities: 600,
            seed: 42,
            stateDir: 'demo/.state',
            allowedOrigins: ['http://localhost:3000'],
            dhis2Version: '2.41.4',
            calendar: 'iso8601',
        })
    })

    it('answers as the DHIS2 release asked for', () => {
        const version = (v: string) =>
            (parseDemoArgs(['--dhis2-version', v], {}) as { dhis2Version: string }).dhis2Version
        expect(version('2.39')).toBe('2.39.10')
        expect(version('2.40')).toBe('2.40.7')
        expect(version('2.41.4')).toBe('2.41.4')
        expect(version('2.42')).toBe('2.42.3')
        expect(
            (parseDemoArgs([], { DEMO_DHIS2_VERSION: '2.41.4' }) as { dhis2Version: string })
                .dhis2Version
        ).toBe('2.41.4')
        expect(() => parseDemoArgs(['--dhis2-version', '2.38'], {})).toThrow(/dhis2-version/)
        expect(() => parseDemoArgs(['--dhis2-version', 'latest'], {})).toThrow(/dhis2-version/)
    })

    it('reads the calendar (--calendar, DEMO_CALENDAR) and rejects one the demo cannot run', () => {
        expect(parseDemoArgs(['--calendar', 'ethiopian'], {})).toMatchObject({
            calendar: 'ethiopian',
        })
        expect(parseDemoArgs([], { DEMO_CALENDAR: 'ethiopian' })).toMatchObject({
            calendar: 'ethiopian',
        })
        expect(() => parseDemoArgs(['--calendar', 'nepali'], {})).toThrow(
            /calendar must be one of iso8601, ethiopian, got 'nepali'/
        )
    })

    it('reads options, with flags winning over the environment', () => {
        const opts = parseDemoArgs(
            [
                '--port',
                '9090',
                '--facilities=40',
                '--seed',
                '7',
                '--state-dir',
                '/tmp/x',
                '--dev-auto-login',
                'admin',
                '--end-period',
                '202410',
            ],
            { DEMO_PORT: '1234', DEMO_FACILITIES: '99' }
        )
        expect(opts).toMatchObject({
            port: 9090,
            facilities: 40,
            seed: 7,
            stateDir: '/tmp/x',
            devAutoLogin: 'admin',
            endPeriod: '202410',
        })
        expect(parseDemoArgs([], { DEMO_PORT: '1234', DEMO_FACILITIES: '99' })).toMatchObject({
            port: 1234,
            facilities: 99,
        })
        expect(
            parseDemoArgs(['--allowed-origin', 'http://a', '--allowed-origin', 'http://b'], {})
        ).toMatchObject({ allowedOrigins: ['http://a', 'http://b'] })
    })

    it('rejects bad input and answers --help', () => {
        expect(parseDemoArgs(['--help'], {})).toBe('help')
        expect(() => parseDemoArgs(['--port', 'x'], {})).toThrow(/port/)
        expect(() => parseDemoArgs(['--nope', '1'], {})).toThrow(/Unknown option/)
        expect(() => parseDemoArgs(['--port'], {})).toThrow(/Missing value/)
        expect(() => parseDemoArgs(['--end-period', '2024-10'], {})).toThrow(/end-period/)
    })
})

describe('scriptOption', () => {
    it('reads the value after --name, or the fallback', () => {
        const args = ['--seed', '7', 'out.csv', '--facilities']
        expect(scriptOption('seed', '42', args)).toBe('7')
        expect(scriptOption('end', '202610', args)).toBe('202610')
        // a flag at the end without its value
        expect(scriptOption('facilities', '6000', args)).toBe('6000')
    })
})
