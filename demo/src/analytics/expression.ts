/**
 * Indicator numerator/denominator expressions: `#{deUid}`, `#{deUid.cocUid}`, numbers, `[days]`,
 * `+ - * /`, unary minus and parentheses. Evaluated as DHIS2 does for indicators
 * (`MissingValueStrategy.SKIP_IF_ALL_VALUES_MISSING`): no value when every referenced item is
 * missing, otherwise missing items count as 0.
 */

export interface ExpressionItem {
    dataElementId: string
    /** null for the data element total `#{de}` */
    categoryOptionComboId: string | null
}

export interface CompiledExpression {
    /** Distinct items referenced, in order of first appearance */
    items: ExpressionItem[]
    /**
     * Evaluates with one value per item (NaN = missing) and the number of days in the period(s).
     * Returns null when all items are missing or the result is not finite.
     */
    evaluate: (values: ArrayLike<number>, days: number) => number | null
}

type Node = (values: ArrayLike<number>, days: number) => number

export class ExpressionSyntaxError extends Error {}

const UID = /^[A-Za-z][A-Za-z0-9]{10}$/

export const compileExpression = (source: string): CompiledExpression => {
    const items: ExpressionItem[] = []
    const itemIndex = new Map<string, number>()
    let pos = 0

    const skipSpace = (): void => {
        while (pos < source.length && /\s/.test(source.charAt(pos))) pos++
    }
    const fail = (what: string): never => {
        throw new ExpressionSyntaxError(`${what} at position ${pos} in expression: ${source}`)
    }

    const item = (): Node => {
        const end = source.indexOf('}', pos)
        if (end < 0) fail('Unclosed #{')
        const body = source.slice(pos, end)
        pos = end + 1
        const [de, coc, ...rest] = body.split('.')
        if (!de || !UID.test(de) || rest.length > 0 || (coc !== undefined && !UID.test(coc))) {
            fail(`Invalid item #{${body}}`)
        }
        const key = body
        let index = itemIndex.get(key)
        if (index === undefined) {
            index = items.length
            itemIndex.set(key, index)
            items.push({ dataElementId: de as string, categoryOptionComboId: coc ?? null })
        }
        const i = index
        return (values) => {
            const v = values[i] as number
            return v === v ? v : 0
        }
    }

    const primary = (): Node => {
        skipSpace()
        if (source.startsWith('#{', pos)) {
            pos += 2
            return item()
        }
        if (source.startsWith('[days]', pos)) {
            pos += 6
            return (_values, days) => days
        }
        if (source.charAt(pos) === '(') {
            pos++
            const inner = expr()
            skipSpace()
            if (source.charAt(pos) !== ')') fail('Expected )')
            pos++
            return inner
        }
        const m = /^\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|^\.\d+(?:[eE][+-]?\d+)?/.exec(source.slice(pos))
        if (!m) return fail('Unexpected token')
        pos += m[0].length
        const constant = Number(m[0])
        return () => constant
    }

    const unary = (): Node => {
        skipSpace()
        const c = source.charAt(pos)
        if (c === '-') {
            pos++
            const operand = unary()
            return (v, d) => -operand(v, d)
        }
        if (c === '+') {
            pos++
            return unary()
        }
        return primary()
    }

    const term = (): Node => {
        let left = unary()
        for (;;) {
            skipSpace()
            const c = source.charAt(pos)
            if (c !== '*' && c !== '/') return left
            pos++
            const l = left
            const r = unary()
            left = c === '*' ? (v, d) => l(v, d) * r(v, d) : (v, d) => l(v, d) / r(v, d)
        }
    }

    const expr = (): Node => {
        let left = term()
        for (;;) {
            skipSpace()
            const c = source.charAt(pos)
            if (c !== '+' && c !== '-') return left
            pos++
            const l = left
            const r = term()
            left = c === '+' ? (v, d) => l(v, d) + r(v, d) : (v, d) => l(v, d) - r(v, d)
        }
    }

    const root = expr()
    skipSpace()
    if (pos !== source.length) fail('Unexpected trailing input')

    return {
        items,
        evaluate: (values, days) => {
            if (items.length > 0) {
                let found = false
                for (let i = 0; i < items.length; i++) {
                    const v = values[i] as number
                    if (v === v) {
                        found = true
                        break
                    }
                }
                if (!found) return null
            }
            const result = root(values, days)
            return Number.isFinite(result) ? result : null
        },
    }
}
