import { defineConfig } from 'vitest/config'

export default defineConfig({
    test: {
        include: ['src/**/*.test.{ts,tsx}', 'demo/src/**/*.test.ts', 'test/contract/**/*.test.ts'],
        environment: 'node',
        globals: true,
        testTimeout: 20000,
    },
})
