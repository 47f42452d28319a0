import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
    compareToIgnoreCase,
    javaCopyCapacity,
    javaDoubleToString,
    javaHashMapCapacity,
    javaHashOfJoined,
    javaHashOrderedKeys,
    javaStringHash,
    precisionRound,
} from './java'

const FIXTURES = path.join(
    fileURLToPath(new URL('../../..', import.meta.url)),
    '../shared/fixtures/dhis2/analytics'
)

describe('Double.toString', () => {
    it.each([
        [671, '671.0'],
        [-461, '-461.0'],
        [97.9, '97.9'],
        [0, '0.0'],
        [-0, '-0.0'],
        [0.001, '0.001'],
        [0.0001, '1.0E-4'],
        [0.00012345, '1.2345E-4'],
        [9999999, '9999999.0'],
        [10000000, '1.0E7'],
        [12345678.5, '1.23456785E7'],
        [1e21, '1.0E21'],
        [291372, '291372.0'],
        [NaN, 'NaN'],
    ])('%s → %s', (value, text) => expect(javaDoubleToString(value)).toBe(text))
})

describe('Precision.round (BigDecimal HALF_UP on the decimal string)', () => {
    it.each([
        [0.125, 2, 0.13],
        [1.005, 2, 1.01],
        [2.45, 1, 2.5],
        [-2.45, 1, -2.5],
        [0.005, 2, 0.01],
        [0.0049, 2, 0],
        [97.913, 1, 97.9],
        [100.132, 1, 100.1],
        [99.95, 1, 100],
        [123.456789012345, 10, 123.4567890123],
    ])('%s to %s decimals → %s', (value, scale, expected) =>
        expect(precisionRound(value, scale)).toBe(expected)
    )

    it('keeps the sign of values rounded to zero', () => {
        expect(Object.is(precisionRound(-0.001, 2), -0)).toBe(true)
        expect(javaDoubleToString(precisionRound(-0.001, 2))).toBe('-0.0')
    })
})

describe('java.util.HashMap order', () => {
    it('computes String.hashCode', () => {
        expect(javaStringHash('dx')).toBe(3220)
        expect(javaStringHash('ImspTQPwCqd')).toBe(javaStringHash('ImspTQPwCqd'))
        expect(javaStringHash('polygenelubricants')).toBe(-2147483648)
        expect(javaHashOfJoined(['a', 'bc', 'def'], 3, 45)).toBe(javaStringHash('a-bc-def'))
    })

    it('sizes tables as HashMap grows and as copies are made', () => {
        expect(javaHashMapCapacity(12)).toBe(16)
        expect(javaHashMapCapacity(13)).toBe(32)
        expect(javaCopyCapacity(12)).toBe(32)
        expect(javaCopyCapacity(2)).toBe(16)
    })

    it.each(['simple', 'hierarchy', 'emptyColumns', 'target-with-legend', 'lastFiveYears', 'degs'])(
        'reproduces the key order of the recorded %s metaData',
        (name) => {
            const json = JSON.parse(
                readFileSync(path.join(FIXTURES, `${name}.metadata.json`), 'utf8')
            ) as {
                metaData: Record<string, Record<string, unknown>>
            }
            for (const map of [
                json.metaData,
                json.metaData['items'],
                json.metaData['dimensions'],
            ]) {
                const keys = Object.keys(map ?? {})
                // JSON.parse hoists integer-like keys; compare the non-integer ones in recorded order
                const plain = keys.filter((k) => !/^\d+$/.test(k))
                const ordered = javaHashOrderedKeys(keys).filter((k) => !/^\d+$/.test(k))
                expect(ordered).toEqual(plain)
            }
        }
    )

    it('reproduces the row order of the recorded hierarchy response (2197 rows)', () => {
        const json = JSON.parse(
            readFileSync(path.join(FIXTURES, 'hierarchy.data.json'), 'utf8')
        ) as {
            rows: string[][]
        }
        const keys = json.rows.map((r) => r.slice(0, 3).join('-'))
        expect(javaHashOrderedKeys([...keys].sort())).toEqual(keys)
    })
})

describe('String.compareToIgnoreCase', () => {
    it('orders as Java does', () => {
        const names = ['beta', 'Alpha', ' Zulu', 'alpha two', 'Bravo']
        expect([...names].sort(compareToIgnoreCase)).toEqual([
            ' Zulu',
            'Alpha',
            'alpha two',
            'beta',
            'Bravo',
        ])
    })
})
