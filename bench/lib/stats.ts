/** Median / min / max of a series of runs, and the markdown table the bench prints. */

export interface Summary {
    median: number
    min: number
    max: number
    n: number
}

export const summarize = (values: readonly number[]): Summary | null => {
    if (values.length === 0) return null
    const sorted = [...values].sort((a, b) => a - b)
    const mid = Math.floor(sorted.length / 2)
    const median =
        sorted.length % 2 === 1
            ? (sorted[mid] as number)
            : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
    return {
        median,
        min: sorted[0] as number,
        max: sorted[sorted.length - 1] as number,
        n: sorted.length,
    }
}

/**
 * `≤ 2`, `≤ 1.5`: the figure passes when its median is at most `max` (with `every`, when each run
 * is: e.g. no long task in any run).
 */
export interface Goal {
    max: number
    text: string
    every?: boolean
}

export interface Figure {
    /** Stable key, e.g. `requests.view.10` */
    key: string
    label: string
    unit: 'ms' | 'requests' | 'KB' | 'ratio' | 'MB' | ''
    summary: Summary | null
    /** Raw values of the runs */
    values: number[]
    goal?: Goal
    /** `not available` and the like, shown instead of numbers */
    note?: string
}

export const figure = (
    key: string,
    label: string,
    unit: Figure['unit'],
    values: number[],
    goal?: Goal,
    note?: string
): Figure => ({
    key,
    label,
    unit,
    summary: summarize(values),
    values,
    ...(goal ? { goal } : {}),
    ...(note ? { note } : {}),
})

export const verdict = (f: Figure): 'pass' | 'FAIL' | '—' => {
    if (!f.goal || !f.summary) return '—'
    return (f.goal.every ? f.summary.max : f.summary.median) <= f.goal.max ? 'pass' : 'FAIL'
}

const format = (value: number, unit: Figure['unit']): string => {
    switch (unit) {
        case 'ms':
            return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`
        case 'KB':
            return `${value.toFixed(1)} KB`
        case 'MB':
            return `${Math.round(value)} MB`
        case 'ratio':
            return value.toFixed(2)
        case 'requests':
            return Number.isInteger(value) ? String(value) : value.toFixed(1)
        default:
            return String(Math.round(value * 100) / 100)
    }
}

/** The markdown table: figure, median, min, max, goal, pass/fail. */
export const markdownTable = (figures: readonly Figure[]): string => {
    const rows = [
        '| Figure | Median | Min | Max | Goal | Result |',
        '| --- | ---: | ---: | ---: | --- | --- |',
    ]
    for (const f of figures) {
        const s = f.summary
        const cell = (v: number | undefined) => (v === undefined ? '' : format(v, f.unit))
        if (!s) {
            rows.push(
                `| ${f.label} | ${f.note ?? 'not measured'} | | | ${f.goal?.text ?? ''} | — |`
            )
            continue
        }
        const runs = s.n > 1 ? ` (n=${s.n})` : ''
        rows.push(
            `| ${f.label}${runs} | ${cell(s.median)} | ${cell(s.min)} | ${cell(s.max)} | ${f.goal?.text ?? '—'} | ${verdict(f)}${f.note ? ` (${f.note})` : ''} |`
        )
    }
    return rows.join('\n')
}
