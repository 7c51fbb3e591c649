// /healthz, /readyz and /metrics over real HTTP, as a probe or Prometheus would ask, on the same server the worker
// uses (start-health-server.ts).
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '@/db/client'
import { openTestDatabase } from '@/db/test-database'
import { LocalDiskStorage } from '@/server/media/storage/local-disk-storage'
import { createHealthRoutes } from './health-routes'
import { createMetricsRegistry } from './metrics-registry'
import { createReadiness } from './readiness'
import { databaseCheck, notStoppingCheck, storageCheck } from './readiness-checks'
import { startHealthServer } from './start-health-server'
import { closedPort } from './testing/closed-port'

const token = 'scrape-me-0123456789abcdef'
let database: DatabaseHandle
let unreachable: DatabaseHandle
let mediaRoot: string
const servers: { close(): Promise<void> }[] = []

beforeAll(async () => {
  database = await openTestDatabase()
  unreachable = await openDatabase({ url: `postgres://storyreel@127.0.0.1:${await closedPort()}/storyreel` })
  mediaRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'storyreel-health-'))
})

afterAll(async () => {
  for (const server of servers) await server.close()
  await unreachable?.close()
  await database?.close()
  await fs.rm(mediaRoot, { recursive: true, force: true })
})

async function serve(options: { database?: DatabaseHandle; metricsToken?: string } = {}) {
  const storage = new LocalDiskStorage(mediaRoot)
  const readiness = createReadiness({
    database: databaseCheck(options.database ?? database),
    storage: storageCheck(() => storage),
    shutdown: notStoppingCheck(() => false),
  })
  const registry = createMetricsRegistry({ process: 'worker' })
  const port = await closedPort() // free a moment ago; ours now
  const routes = createHealthRoutes({ readiness, registry, metricsToken: options.metricsToken, log: () => {} })
  servers.push(await startHealthServer({ host: '127.0.0.1', port, routes }))
  return (pathname: string, init?: RequestInit) => fetch(`http://127.0.0.1:${port}${pathname}`, init)
}

describe('health routes', () => {
  it('/healthz says ok; other paths are not ours', async () => {
    const get = await serve()
    const health = await get('/healthz')
    expect(health.status).toBe(200)
    expect(await health.text()).toBe('ok')
    expect(health.headers.get('cache-control')).toBe('no-store')
    expect((await get('/healthz', { method: 'POST' })).status).toBe(405)
    expect((await get('/healthzz')).status).toBe(404)
    expect((await get('/collab/board:x')).status).toBe(404)
  })

  it('/readyz is 200 with every check and its latency when all answer', async () => {
    const get = await serve()
    const response = await get('/readyz')
    expect(response.status).toBe(200)
    const body = (await response.json()) as { status: string; checks: Record<string, { status: string; latencyMs: number }> }
    expect(body.status).toBe('ready')
    expect(Object.keys(body.checks).sort()).toEqual(['database', 'shutdown', 'storage'])
    expect(body.checks.database).toMatchObject({ status: 'ok', latencyMs: expect.any(Number) })
  })

  it('/readyz is 503 naming the database when PostgreSQL is down', async () => {
    const get = await serve({ database: unreachable })
    const response = await get('/readyz')
    expect(response.status).toBe(503)
    const body = (await response.json()) as { status: string; checks: Record<string, { status: string }> }
    expect(body.status).toBe('not ready')
    expect(body.checks.database?.status).toBe('failed')
    expect(body.checks.storage?.status).toBe('ok')
  })

  it('/metrics is Prometheus text with the process metrics, open when no token is set', async () => {
    const get = await serve()
    const response = await get('/metrics')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4')
    const text = await response.text()
    expect(text).toContain('# TYPE storyreel_process_cpu_seconds_total counter')
    expect(text).toMatch(/storyreel_nodejs_eventloop_lag_seconds\{process="worker"\} \d/)
  })

  it('/metrics wants the bearer token when METRICS_TOKEN is set', async () => {
    const get = await serve({ metricsToken: token })
    const without = await get('/metrics')
    expect(without.status).toBe(401)
    expect(without.headers.get('www-authenticate')).toContain('Bearer')
    expect(await without.text()).not.toContain('storyreel_')
    expect((await get('/metrics', { headers: { authorization: `Bearer ${token}x` } })).status).toBe(401)
    expect((await get('/metrics', { headers: { authorization: token } })).status).toBe(401)
    const withToken = await get('/metrics', { headers: { authorization: `Bearer ${token}` } })
    expect(withToken.status).toBe(200)
    expect(await withToken.text()).toContain('storyreel_process_cpu_seconds_total')
    // Probes stay open: a load balancer has no token.
    expect((await get('/healthz')).status).toBe(200)
    expect((await get('/readyz')).status).toBe(200)
  })
})
