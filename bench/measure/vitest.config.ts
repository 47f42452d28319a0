import { defineConfig } from 'vitest/config'

/** One-off measurements (not tests): `npx vitest run -c bench/measure/vitest.config.ts`. */
export default defineConfig({
    test: {
        include: ['bench/measure/**/*.measure.tsx'],
        globals: true,
        testTimeout: 600_000,
    },
})
