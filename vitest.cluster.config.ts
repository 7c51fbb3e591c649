import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

// `npm run test:cluster`: the loopback cluster's topology and fault tests (issue 7). Separate from `npm run test:unit`
// because each file starts real processes (two app instances, a worker, Redis, S3) and takes minutes, not seconds.
const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  resolve: { alias: { '@': root } },
  test: {
    name: 'cluster',
    include: ['scripts/cluster/**/*.cluster.test.ts'],
    // One file at a time: each runs a whole cluster, and two at once would starve a 2-core machine.
    fileParallelism: false,
    testTimeout: 180_000,
    // Starting a cluster may include the one production build (about a minute, more on a busy machine).
    hookTimeout: 600_000,
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: process.env.CI ? { json: 'reports/cluster.json' } : undefined,
  },
})
