import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('.', import.meta.url))
// Inline projects do not inherit the root test options, so each one spreads these.
const shared = {
  resolve: { alias: { '@': root } },
}
const timeouts = { testTimeout: 30_000, hookTimeout: 60_000 }
// Tests that touch the database run once on PGlite and, when TEST_DATABASE_URL is set, again on PostgreSQL.
const databaseTests = ['server/**/*.test.ts', 'db/**/*.test.ts']

export default defineConfig({
  ...shared,
  test: {
    testTimeout: 30_000,
    // Under CI a JSON report feeds the one-line summary printed by .ci/run.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: process.env.CI ? { json: 'reports/unit.json' } : undefined,
    hookTimeout: 60_000,
    projects: [
      {
        ...shared,
        test: { ...timeouts, name: 'unit', include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'bench/**/*.test.ts'] },
      },
      {
        ...shared,
        test: { ...timeouts, name: 'pglite', include: databaseTests, env: { STORYREEL_TEST_DB: 'pglite' } },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [{ ...shared, test: { ...timeouts, name: 'postgres', include: databaseTests, env: { STORYREEL_TEST_DB: 'postgres' } } }]
        : []),
    ],
  },
})
