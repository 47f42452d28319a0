import { describe, expect, it } from 'vitest'
import { OTHER_PAGE, earlyImport } from '../../../vite.config.extensions.mjs'
import { parseViewState } from './view-state'

describe("index.html's early import of the view's code", () => {
    it('is made for exactly the URLs the app opens on the view', () => {
        const hashes = [
            '',
            '#',
            '#/',
            '#/view',
            '#/view?area=mnh&ou=RootUnit001',
            '#view?pe=2025',
            '#/alerts',
            '#alerts',
            '#/alerts?area=mnh',
            '#/quality?area=mnh',
            '#/settings',
            '#/facilities?ou=RootUnit001',
            '#/alertsx',
            '#/alerts/x',
            '#/unknown?area=mnh',
            '#/?area=mnh',
        ]
        for (const hash of hashes) {
            expect(!OTHER_PAGE.test(hash), hash).toBe(parseViewState(hash).page === 'view')
        }
    })

    it('imports each file, once the URL is checked', () => {
        const script = earlyImport(['./assets/TriangulationPage-x.js', './assets/Chart-y.js'])
        expect(script).toContain(`if (!${OTHER_PAGE}.test(location.hash))`)
        expect(script).toContain('import("./assets/TriangulationPage-x.js")')
        expect(script).toContain('import("./assets/Chart-y.js")')
    })
})
