import { defineConfig } from 'vitest/config'

/** Browser tests: the built app, installed in the demo DHIS2, driven in Debian's Chromium. */
export default defineConfig({
    test: {
        include: ['test/browser/**/*.test.ts'],
        environment: 'node',
        globals: true,
        globalSetup: ['test/browser/global-setup.ts'],
        fileParallelism: false,
        testTimeout: 90_000,
        hookTimeout: 300_000,
    },
})
