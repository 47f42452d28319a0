/**
 * Where keys chosen by a client (JSON bodies, dataStore paths, `fields=`/`filter=` names, setting
 * keys, cookie and form field names) meet JavaScript objects.
 *
 * A plain object inherits from `Object.prototype`: reading `obj[key]` with `key` = `constructor`
 * or `__proto__` reaches shared objects, and assigning through them changes every object in the
 * process (prototype pollution). DHIS2 keeps such keys as ordinary data (a JSONB key named
 * `__proto__` is just a key), so the demo does the same: it only ever reads own properties and
 * writes with `defineProperty`, which creates an own property whatever the key.
 */

/** Keys that reach a prototype when used with `obj[key]` on a plain object */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([
    '__proto__',
    'constructor',
    'prototype',
])

export const isPrototypeKey = (key: string): boolean => PROTOTYPE_KEYS.has(key)

/** `Object.hasOwn` for any value (false for primitives, null and undefined) */
export const hasOwn = (value: unknown, key: PropertyKey): boolean =>
    typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, key)

/** The own property `key` of `value`, `undefined` when it has none (inherited ones are ignored) */
export const ownValue = (value: unknown, key: PropertyKey): unknown =>
    hasOwn(value, key) ? (value as Record<PropertyKey, unknown>)[key] : undefined

/** Sets an own, enumerable data property, even for `__proto__` (never the prototype) */
export const setOwn = (target: object, key: string, value: unknown): void => {
    Object.defineProperty(target, key, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
    })
}

/** An empty dictionary without a prototype: `dict[key]` never reaches `Object.prototype` */
export const emptyDict = <T>(): Record<string, T> => Object.create(null) as Record<string, T>

/**
 * `JSON.parse` whose objects have no prototype: reading a key the client did not send gives
 * `undefined`, never something inherited, and a `"__proto__"` member is an ordinary key.
 */
export const parseJsonDict = (text: string): unknown =>
    JSON.parse(text, (_key, value: unknown) =>
        typeof value === 'object' && value !== null && !Array.isArray(value)
            ? Object.assign(emptyDict<unknown>(), value)
            : value
    )
