/**
 * Tips per language: English, French and Swahili are always offered; any other locale can be
 * added. Pure helpers over the draft's list of tips.
 */
import type { DraftTip } from './draft'

export const DEFAULT_TIP_LOCALES = ['en', 'fr', 'sw'] as const

export interface TipRow {
    locale: string
    text: string
    /** Index in the draft's list; -1 for a default language without a tip yet */
    index: number
    /** en, fr, sw: the language cannot be changed or removed */
    fixed: boolean
}

/** The rows to show: the default languages first (empty when no tip), then the others. */
export const tipRows = (tips: readonly DraftTip[]): TipRow[] => {
    const fixedRows = DEFAULT_TIP_LOCALES.map((locale): TipRow => {
        const index = tips.findIndex((tip) => tip.locale.trim() === locale)
        return { locale, text: index >= 0 ? (tips[index]?.text ?? '') : '', index, fixed: true }
    })
    const used = new Set(fixedRows.map((row) => row.index))
    const others = tips
        .map((tip, index): TipRow => ({ ...tip, index, fixed: false }))
        .filter((row) => !used.has(row.index))
    return [...fixedRows, ...others]
}

/** Sets the text of a row (adds the tip for a default language that had none). */
export const setTipText = (tips: readonly DraftTip[], row: TipRow, text: string): DraftTip[] =>
    row.index < 0
        ? [...tips, { locale: row.locale, text }]
        : tips.map((tip, index) => (index === row.index ? { ...tip, text } : tip))

export const setTipLocale = (
    tips: readonly DraftTip[],
    index: number,
    locale: string
): DraftTip[] => tips.map((tip, i) => (i === index ? { ...tip, locale } : tip))

export const removeTip = (tips: readonly DraftTip[], index: number): DraftTip[] =>
    tips.filter((_, i) => i !== index)

export const addTip = (tips: readonly DraftTip[]): DraftTip[] => [...tips, { locale: '', text: '' }]

/** Rows of other languages shown at first, and added by each "Show more" */
export const TIP_PAGE = 25
/** Characters of a collapsed tip's preview */
export const TIP_PREVIEW = 90

/**
 * Which tip rows the form shows, and which of them as editable fields: a pair may carry tips in
 * many languages, and a text field per language made the editor take seconds (500 languages) to
 * minutes (5,000) to appear. The default languages are open; other languages are one line each
 * (language and the start of the tip), opened on demand, `shown` of them at a time. Rows with a
 * problem, or being typed into (`open`), are always shown open.
 */
export const visibleTipRows = (
    rows: readonly TipRow[],
    {
        open,
        shown,
        withIssues = new Set<number>(),
    }: {
        open: ReadonlySet<number>
        shown: number
        withIssues?: ReadonlySet<number>
    }
): { rows: (TipRow & { open: boolean })[]; hidden: number } => {
    const fixed = rows.filter((row) => row.fixed)
    const others = rows.filter((row) => !row.fixed)
    const keep = (row: TipRow, position: number) =>
        position < shown ||
        open.has(row.index) ||
        withIssues.has(row.index) ||
        row.locale.trim() === ''
    const visible = others.filter(keep)
    return {
        rows: [
            ...fixed.map((row) => ({ ...row, open: true })),
            ...visible.map((row) => ({
                ...row,
                open: open.has(row.index) || withIssues.has(row.index) || row.locale.trim() === '',
            })),
        ],
        hidden: others.length - visible.length,
    }
}

/** The start of a tip, on one line. */
export const tipPreview = (text: string): string => {
    const line = text.replace(/\s+/g, ' ').trim()
    return line.length > TIP_PREVIEW ? `${line.slice(0, TIP_PREVIEW - 1)}…` : line
}
