/**
 * The one number formatter of the app: tooltips, data labels, tables and the CSV download all show
 * a value the same way.
 *
 * - counts as integers; an estimate (a quarterly value ÷ 3) with one decimal and "≈";
 *   a count that is not whole (an indicator) with one decimal;
 * - percentages with one decimal;
 * - on screen in the user's locale (DHIS2's `keyUiLocale`: `fr`, `sw`, `pt_BR`…) through `Intl`;
 *   in CSV as plain dot-decimal numbers, rounded the same way (estimates are marked in their own
 *   column: a "≈" would make the cell text in a spreadsheet).
 */
export type NumberKind = 'count' | 'percent'

export interface NumberFormatOptions {
    kind?: NumberKind
    estimated?: boolean
    /** A DHIS2 or BCP 47 locale; the browser's when absent or unknown */
    locale?: string
}

/** How many decimals a value is shown with. */
export const decimalsFor = (
    value: number,
    { kind = 'count', estimated = false }: NumberFormatOptions = {}
): number => (kind === 'percent' || estimated || !Number.isInteger(value) ? 1 : 0)

const canonical = new Map<string, string | undefined>()

/**
 * `pt_BR` → `pt-BR`; an unknown or malformed locale → `undefined` (the browser's). Asked once per
 * locale (every number shown asks: a chart's points, a table's cells).
 */
export const intlLocale = (locale: string | undefined): string | undefined => {
    if (!locale) return undefined
    if (canonical.has(locale)) return canonical.get(locale)
    let result: string | undefined
    try {
        result = Intl.getCanonicalLocales(locale.replace(/_/g, '-'))[0]
    } catch {
        result = undefined
    }
    canonical.set(locale, result)
    return result
}

const cache = new Map<string, Intl.NumberFormat>()
const numberFormat = (locale: string | undefined, decimals: number, percent: boolean) => {
    const key = `${locale ?? ''}|${decimals}|${percent}`
    let format = cache.get(key)
    if (!format) {
        format = new Intl.NumberFormat(locale, {
            style: percent ? 'percent' : 'decimal',
            minimumFractionDigits: decimals,
            maximumFractionDigits: decimals,
        })
        cache.set(key, format)
    }
    return format
}

/** Rounds to the decimals the value is shown with (for CSV cells and chart points). */
export const roundValue = (value: number, options: NumberFormatOptions = {}): number => {
    const factor = 10 ** decimalsFor(value, options)
    const rounded = Math.round(value * factor) / factor
    return Object.is(rounded, -0) ? 0 : rounded
}

/** A value as text for people: `1,234`, `≈ 209.3`, `93.6%` (in the user's locale); '' for none. */
export const formatNumber = (
    value: number | null | undefined,
    options: NumberFormatOptions = {}
): string => {
    if (value === null || value === undefined || !Number.isFinite(value)) return ''
    const decimals = decimalsFor(value, options)
    const percent = options.kind === 'percent'
    const text = numberFormat(intlLocale(options.locale), decimals, percent).format(
        percent ? roundValue(value, options) / 100 : roundValue(value, options)
    )
    return options.estimated ? `\u2248 ${text}` : text
}

/** A value for a CSV cell: a plain number, rounded as shown on screen; `null` for none. */
export const csvNumber = (
    value: number | null | undefined,
    options: NumberFormatOptions = {}
): number | null =>
    value === null || value === undefined || !Number.isFinite(value)
        ? null
        : roundValue(value, options)
