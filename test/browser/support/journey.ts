import path from 'node:path'
import type { Frame, Page } from 'playwright-core'
import { readPo } from '../../../scripts/po.mjs'
import { basicAuth } from './demo-process'

export type Lang = 'en' | 'fr' | 'sw'
export const LANGS: Lang[] = ['en', 'fr', 'sw']

export interface Size {
    name: string
    width: number
    height: number
}
/** The sizes users see the app at: a desktop, a laptop/large dashboard item, a dashboard item, a phone. */
export const SIZES: Size[] = [
    { name: 'desktop', width: 1440, height: 900 },
    { name: 'laptop', width: 1100, height: 620 },
    { name: 'item', width: 600, height: 400 },
    { name: 'phone', width: 390, height: 844 },
]

/** Sets a demo user's interface language, as the user would in their DHIS2 profile. */
export const setUiLocale = async (
    demoUrl: string,
    user: { username: string; password: string },
    lang: Lang
): Promise<void> => {
    const response = await fetch(`${demoUrl}/api/userSettings/keyUiLocale?value=${lang}`, {
        method: 'POST',
        headers: {
            Authorization: basicAuth(user.username, user.password),
            'X-Requested-With': 'XMLHttpRequest',
        },
    })
    if (!response.ok) throw new Error(`Setting keyUiLocale=${lang}: HTTP ${response.status}`)
}

interface Check {
    english: string
    test: (line: string) => boolean
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const letters = (text: string): number => (text.match(/\p{L}/gu) ?? []).length

/**
 * The app's strings that have a translation in `lang` different from the English: each one a test
 * that finds it, untranslated, in a line of text on the screen. Strings with placeholders match
 * with anything in the placeholders, so a sentence built in English around translated month names
 * is found too. Short strings (a word or two) must be a whole line, longer ones may be part of one.
 */
export const translationChecks = (lang: Exclude<Lang, 'en'>, dataTexts: string[]): Check[] => {
    const root = path.resolve(__dirname, '../../..')
    const pot = readPo(path.join(root, 'i18n/en.pot'))
    const po = readPo(path.join(root, `i18n/${lang}.po`))
    const data = dataTexts.join('\n').toLowerCase()
    const checks: Check[] = []
    for (const msgid of pot.keys()) {
        const translated = po.get(msgid)
        if (!translated || translated === msgid || msgid.startsWith('__MANIFEST')) continue
        const parts = msgid.split(/{{\s*\w+\s*}}/)
        const fixed = parts.join(' ')
        // Too short to tell apart from names and numbers, or a name the server's data also uses
        if (letters(fixed) < 4 || data.includes(msgid.toLowerCase())) continue
        const words = fixed.trim().split(/\s+/).length
        if (parts.length > 1) {
            if (parts.filter((p) => letters(p) >= 6).length === 0) continue
            const pattern = new RegExp(parts.map(escapeRegExp).join('.+?'))
            checks.push({ english: msgid, test: (line) => pattern.test(line) })
        } else if (words >= 3 && msgid.length >= 16) {
            checks.push({ english: msgid, test: (line) => line.includes(msgid) })
        } else {
            checks.push({ english: msgid, test: (line) => line.trim() === msgid })
        }
    }
    return checks
}

/** Every line of text a user sees: HTML text, SVG text of the charts, labels of inputs and buttons. */
export const visibleLines = async (target: Page | Frame): Promise<string[]> =>
    target.evaluate(() => {
        const lines: string[] = []
        lines.push(...document.body.innerText.split('\n'))
        for (const text of Array.from(document.querySelectorAll('svg text'))) {
            lines.push(text.textContent ?? '')
        }
        for (const el of Array.from(
            document.querySelectorAll('[placeholder], [aria-label], [title]')
        )) {
            for (const name of ['placeholder', 'aria-label', 'title']) {
                const value = el.getAttribute(name)
                if (value) lines.push(value)
            }
        }
        return lines.map((line) => line.trim()).filter((line) => line !== '')
    })

/** The app strings shown untranslated (in English) on the screen. */
export const untranslated = async (target: Page | Frame, checks: Check[]): Promise<string[]> => {
    const lines = await visibleLines(target)
    const found = new Set<string>()
    for (const line of lines) {
        for (const check of checks) {
            if (check.test(line))
                found.add(`${JSON.stringify(check.english)} in ${JSON.stringify(line)}`)
        }
    }
    return [...found]
}

/**
 * What a user would see as broken layout: a chart whose plot area is under `minPlot` px tall, a
 * chart or control that sticks out of its card, a page wider than the screen.
 */
export const layoutProblems = async (target: Page | Frame, minPlot = 120): Promise<string[]> =>
    target.evaluate((minPlotHeight) => {
        const problems: string[] = []
        const tolerance = 1
        const root = document.scrollingElement ?? document.documentElement
        if (root.scrollWidth > window.innerWidth + tolerance) {
            problems.push(`page is ${root.scrollWidth}px wide in a ${window.innerWidth}px window`)
        }
        const visible = (el: Element) => {
            const box = el.getBoundingClientRect()
            return box.width > 0 && box.height > 0
        }
        for (const card of Array.from(document.querySelectorAll('[data-test^="pair-card-"]'))) {
            const name = card.getAttribute('data-test')
            const cardBox = card.getBoundingClientRect()
            if (cardBox.right > window.innerWidth + tolerance) {
                problems.push(`${name} ends at ${Math.round(cardBox.right)}px, past the window`)
            }
            for (const chart of Array.from(card.querySelectorAll('[data-test^="chart-"]'))) {
                if (!visible(chart)) continue
                const kind = chart.getAttribute('data-test')
                const plot = chart.querySelector('.highcharts-plot-background')
                const svg = chart.querySelector('svg.highcharts-root')
                if (!plot || !svg) continue
                const plotBox = plot.getBoundingClientRect()
                if (plotBox.height < minPlotHeight) {
                    problems.push(`${name} ${kind}: plot area ${Math.round(plotBox.height)}px tall`)
                }
                const svgBox = svg.getBoundingClientRect()
                if (
                    svgBox.left < cardBox.left - tolerance ||
                    svgBox.right > cardBox.right + tolerance
                ) {
                    problems.push(
                        `${name} ${kind}: chart ${Math.round(svgBox.left)}–${Math.round(svgBox.right)}px outside its card ${Math.round(cardBox.left)}–${Math.round(cardBox.right)}px`
                    )
                }
            }
            for (const control of Array.from(card.querySelectorAll('button'))) {
                if (!visible(control)) continue
                const box = control.getBoundingClientRect()
                if (box.right > cardBox.right + tolerance || box.left < cardBox.left - tolerance) {
                    problems.push(
                        `${name}: button "${control.textContent?.trim()}" outside its card`
                    )
                }
            }
        }
        return problems
    }, minPlot)
