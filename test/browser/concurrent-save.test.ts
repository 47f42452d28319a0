import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { inject } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { launchChromium } from './support/chromium'
import { ADMIN, basicAuth } from './support/demo-process'
import { screenshot } from './support/page'
import { openApp } from './support/session'

/**
 * Two administrators (two browsers, two users: `admin` and `district`) save different edits of the
 * mapping at (nearly) the same moment, through the editor's Save button, 50 times. DHIS2 has no
 * conditional write; the app must still never show "Saved" for an edit that is not on the server.
 */
const demoUrl = inject('demoUrl')
const CONFIG_URL = `${demoUrl}/api/dataStore/triangulate/config`
const DISTRICT = { username: 'district', password: 'District1#' }
const adminHeaders = {
    Authorization: basicAuth(ADMIN.username, ADMIN.password),
    'Content-Type': 'application/json',
}
const TRIALS = 50

interface Pair {
    id: string
    name: string
    notes?: string
    commodity: { name: string }
    hmis: { items: { id: string; extraField?: unknown }[] }
    tips?: Record<string, string>
}
interface Config {
    version: number
    extra?: unknown
    programAreas: { id: string; name: string; pairs: Pair[] }[]
}

const getConfig = async (): Promise<Config> =>
    (await (await fetch(CONFIG_URL, { headers: adminHeaders })).json()) as Config

const putConfig = async (config: unknown) => {
    const response = await fetch(CONFIG_URL, {
        method: 'PUT',
        headers: adminHeaders,
        body: JSON.stringify(config),
    })
    expect(response.status).toBe(200)
}

let adminBrowser: BrowserContext
let districtBrowser: BrowserContext
let original: Config

beforeAll(async () => {
    ;[adminBrowser, districtBrowser] = await Promise.all([launchChromium(), launchChromium()])
    original = await getConfig()
})
afterAll(async () => {
    // Leave the shared demo as it was for the other test files
    const { revision: _revision, ...rest } = original as Config & { revision?: unknown }
    await putConfig(rest)
    await adminBrowser?.close()
    await districtBrowser?.close()
})

const openEditor = async (browser: BrowserContext, user: typeof ADMIN): Promise<Page> => {
    const { page } = await openApp(browser, demoUrl, user, '#/settings')
    await page.locator('[data-test="settings-editor"]').waitFor({ timeout: 60_000 })
    await page.locator('[data-test="settings-pair-row"]').first().click()
    return page
}

type Outcome = 'saved' | 'conflict'

/** Waits until the page shows "Saved" or the conflict dialog. */
const outcomeOf = async (page: Page): Promise<Outcome> => {
    const handle = await page.waitForFunction(
        () => {
            if (document.querySelector('[data-test="settings-conflict-modal"]')) return 'conflict'
            const status = document.querySelector('[data-test="settings-status"]')?.textContent
            return status === 'Saved' ? 'saved' : false
        },
        undefined,
        { timeout: 30_000, polling: 50 }
    )
    return (await handle.jsonValue()) as Outcome
}

describe('two administrators saving at the same moment', () => {
    it(`never lose an edit silently (${TRIALS} trials through the editor)`, async () => {
        const [a, b] = await Promise.all([
            openEditor(adminBrowser, ADMIN),
            openEditor(districtBrowser, DISTRICT),
        ])
        const nameA = a.locator('[data-test="settings-pair-name"] input')
        const commodityB = b.locator('[data-test="settings-pair-commodity"] input')
        const results = {
            trials: 0,
            silentLosses: 0,
            conflictsShown: 0,
            bothKept: 0,
            saved: 0,
            /** Conflicts found by the claim (both saved from the same version at once) */
            sameMoment: 0,
            /** Conflicts found by the first read (the other save had already finished) */
            changedBefore: 0,
        }
        const started = Date.now()
        for (let trial = 0; trial < TRIALS; trial++) {
            const editA = `Pair name by admin #${trial}`
            const editB = `Commodity by district #${trial}`
            await nameA.fill(editA)
            await commodityB.fill(editB)
            const saveA = a.locator('[data-test="settings-save"]')
            const saveB = b.locator('[data-test="settings-save"]')
            await Promise.all([saveA.waitFor(), saveB.waitFor()])
            if (trial % 5 === 0) {
                // Playwright's own clicks, sent together (tens of ms apart)
                await Promise.all([saveA.click(), saveB.click()])
            } else {
                // Both buttons clicked at the same wall-clock moment in the two browsers (one
                // machine, one clock), B up to 3 ms later
                const at = Date.now() + 150
                const clickAt = (page: Page, when: number) =>
                    page.evaluate((time) => {
                        const button = document.querySelector<HTMLButtonElement>(
                            '[data-test="settings-save"]'
                        )
                        setTimeout(() => button?.click(), Math.max(0, time - Date.now()))
                    }, when)
                await Promise.all([clickAt(a, at), clickAt(b, at + (trial % 4))])
            }
            const [outA, outB] = await Promise.all([outcomeOf(a), outcomeOf(b)])
            const stored = (await getConfig()).programAreas[0]!.pairs[0]!
            const keptA = stored.name === editA
            const keptB = stored.commodity.name === editB
            results.trials++
            if ((outA === 'saved' && !keptA) || (outB === 'saved' && !keptB)) {
                results.silentLosses++
            }
            if (keptA && keptB) results.bothKept++
            if (outA === 'conflict' || outB === 'conflict') results.conflictsShown++
            if (outA === 'saved') results.saved++
            if (outB === 'saved') results.saved++

            // Each loser still has its edit in its draft, and the dialog names both versions
            for (const [page, out, field, edit] of [
                [a, outA, nameA, editA],
                [b, outB, commodityB, editB],
            ] as const) {
                if (out !== 'conflict') continue
                expect(await field.inputValue()).toBe(edit)
                const modal = page.locator('[data-test="settings-conflict-modal"]')
                expect(await modal.locator('[data-test="settings-conflict-yours"]').count()).toBe(1)
                const reason = await modal
                    .locator('[data-test="settings-conflict-reason"]')
                    .textContent()
                if (reason?.includes('at the same moment')) results.sameMoment++
                else results.changedBefore++
                if (trial < 2) await screenshot(page, `concurrent-save-conflict-${trial}`)
            }
            expect(
                (outA === 'saved' && keptA) ||
                    (outB === 'saved' && keptB) ||
                    (outA === 'conflict' && outB === 'conflict')
            ).toBe(true)
            // The losers take the other version, ready for the next trial
            for (const [page, out] of [
                [a, outA],
                [b, outB],
            ] as const) {
                if (out !== 'conflict') continue
                await page.locator('[data-test="settings-conflict-reload"]').click()
                await page.locator('[data-test="settings-conflict-modal"]').waitFor({
                    state: 'detached',
                })
            }
        }
        const report = { ...results, seconds: Math.round((Date.now() - started) / 1000) }
        console.log('concurrent saves:', JSON.stringify(report))
        writeFileSync(
            path.resolve('test/.artifacts/concurrent-save.json'),
            JSON.stringify(report, null, 2)
        )
        expect(results.trials).toBe(TRIALS)
        expect(results.silentLosses).toBe(0)
        expect(results.conflictsShown + results.bothKept).toBe(TRIALS)
        await a.close()
        await b.close()
    }, 600_000)
})

describe('the mapping editor with what it does not know, and with very many tips', () => {
    it('keeps unknown fields through an unrelated save', async () => {
        const config = structuredClone(original) as Config & { revision?: unknown }
        delete config.revision
        config.extra = { owner: 'Ministry of Health' }
        const pair = config.programAreas[0]!.pairs[0]!
        pair.notes = 'Agreed by the technical working group'
        pair.hmis.items[0]!.extraField = { source: 'HMIS 2024' }
        await putConfig(config)
        const page = await openEditor(adminBrowser, ADMIN)
        await page.locator('[data-test="settings-pair-name"] input').fill('Renamed in the editor')
        await page.locator('[data-test="settings-save"]').click()
        expect(await outcomeOf(page)).toBe('saved')
        const stored = (await getConfig()) as Config
        expect(stored.extra).toEqual({ owner: 'Ministry of Health' })
        expect(stored.programAreas[0]!.pairs[0]).toMatchObject({
            name: 'Renamed in the editor',
            notes: 'Agreed by the technical working group',
        })
        expect(stored.programAreas[0]!.pairs[0]!.hmis.items[0]).toMatchObject({
            extraField: { source: 'HMIS 2024' },
        })
        await page.close()
    })

    it.each([500, 5000])(
        'opens a mapping whose pair has tips in %i languages, and names the limit',
        async (languages) => {
            const config = structuredClone(original) as Config & { revision?: unknown }
            delete config.revision
            config.programAreas[0]!.pairs[0]!.tips = Object.fromEntries(
                Array.from({ length: languages }, (_, i) => [
                    `x${String.fromCharCode(97 + (i % 26))}_${String(i).padStart(4, '0')}`,
                    `Tip ${i}: compare consumption with the number of deliveries.`,
                ])
            )
            await putConfig(config)
            const { page } = await openApp(adminBrowser, demoUrl, ADMIN, '#/settings')
            const started = Date.now()
            await page.locator('[data-test="settings-editor"]').waitFor({ timeout: 120_000 })
            await page.locator('[data-test="settings-pair-row"]').first().click()
            await page.locator('[data-test="settings-tip-list"]').waitFor({ timeout: 120_000 })
            const seconds = (Date.now() - started) / 1000
            console.log(`editor with ${languages} tip languages shown in ${seconds.toFixed(1)} s`)
            const validation = page.locator('[data-test="settings-validation"]')
            await validation.waitFor()
            expect(await validation.textContent()).toContain(
                'A pair may have tips in at most 50 languages'
            )
            expect(await page.locator('[data-test="settings-tip-closed"]').count()).toBe(25)
            await page.locator('[data-test="settings-tip-more"]').click()
            expect(await page.locator('[data-test="settings-tip-closed"]').count()).toBe(125)
            await page.locator('[data-test="settings-tip-open"]').first().click()
            expect(await page.locator('[data-test="settings-tip-text-other"]').count()).toBe(1)
            await screenshot(page, `settings-tips-${languages}`)
            await page.close()
        },
        300_000
    )
})
