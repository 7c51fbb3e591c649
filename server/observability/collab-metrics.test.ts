// Collaboration series move with real traffic: the stock y-websocket client editing through the real collab server,
// its update saved to the real database, and (when Redis is around) fan-out between two in-process instances.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectClient, logOf, waitUntil, whenSynced } from '@/server/collab/testing/clients'
import { createHarness, type Harness } from '@/server/collab/testing/harness'
import { findRedis } from '@/server/collab/testing/redis'
import { startInProcess, type InProcessServer } from '@/server/collab/testing/servers'
import { createCollabMetrics } from './collab-metrics'
import { createMetricsRegistry } from './metrics-registry'
import { createReadiness } from './readiness'
import { closedPort } from './testing/closed-port'

const redis = await findRedis()
const registry = createMetricsRegistry({ process: 'app' })
const metrics = createCollabMetrics(registry)
let h: Harness

beforeAll(async () => {
  h = await createHarness({ config: { flushMs: 20, unloadGraceMs: 60_000 }, metrics: metrics.sink })
  metrics.readStatsFrom(() => h.server.collab.stats())
}, 60_000)

afterAll(() => h?.close())

/** The value of one series in Prometheus text, or undefined when it is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue
    if (Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`))) return Number(line.split(' ').at(-1))
  }
  return undefined
}

describe('collab metrics', { timeout: 20_000 }, () => {
  it('exports every collab series, starting from zero', async () => {
    const text = await registry.metrics()
    for (const name of [
      'storyreel_collab_connections',
      'storyreel_collab_documents_loaded',
      'storyreel_collab_updates_unsaved',
      'storyreel_collab_updates_received_total',
      'storyreel_collab_persistence_lag_seconds',
      'storyreel_collab_fanout_messages_received_total',
      'storyreel_collab_fanout_messages_published_total',
    ]) {
      expect(text).toContain(`# TYPE ${name} `)
    }
    expect(sample(text, 'storyreel_collab_updates_received_total', { source: 'client' })).toBe(0)
  })

  it('counts a real edit, the sockets by access, the loaded document and the save that followed', async () => {
    const docName = `board:${h.project.projectId}`
    const before = await registry.metrics()
    const editor = h.client(h.editor, docName)
    const viewer = h.client(h.viewer, docName)
    await Promise.all([whenSynced(editor), whenSynced(viewer)])
    editor.doc.getArray<string>('log').push(['slate 12, take 3'])
    await waitUntil(async () => (await h.storedLog(docName)).includes('slate 12, take 3'), { message: 'the edit was never saved' })

    const after = await registry.metrics()
    const counted = (text: string) => sample(text, 'storyreel_collab_updates_received_total', { source: 'client' }) ?? 0
    expect(counted(after)).toBeGreaterThanOrEqual(counted(before) + 1)
    expect(sample(after, 'storyreel_collab_connections', { access: 'read-write' })).toBe(1)
    expect(sample(after, 'storyreel_collab_connections', { access: 'read-only' })).toBe(1)
    expect(sample(after, 'storyreel_collab_documents_loaded')).toBe(1)
    expect(sample(after, 'storyreel_collab_persistence_lag_seconds_count')).toBeGreaterThanOrEqual(1)
    expect(sample(after, 'storyreel_collab_persistence_lag_seconds_sum')).toBeGreaterThan(0)
    expect(sample(after, 'storyreel_collab_updates_unsaved')).toBe(0)
    expect(logOf(viewer.doc)).toContain('slate 12, take 3')
  })
})

describe('Redis readiness', { timeout: 20_000 }, () => {
  it('fails, naming redis, when the fan-out cannot reach Redis', async () => {
    const down = await startInProcess({ config: { redisUrl: `redis://127.0.0.1:${await closedPort()}` } })
    try {
      const report = await createReadiness({ redis: () => down.collab.pingRedis() }).check()
      expect(report.status).toBe('not ready')
      expect(report.checks.redis).toMatchObject({ status: 'failed' })
    } finally {
      await down.close()
    }
  })

  it('fails when REDIS_URL is unset but Redis is asked about', async () => {
    await expect(h.server.collab.pingRedis()).rejects.toThrow('REDIS_URL is not set')
  })
})

describe.skipIf(!redis.url)(`fan-out metrics through Redis${redis.skipReason ? ` (skipped: ${redis.skipReason})` : ''}`, { timeout: 30_000 }, () => {
  let other: InProcessServer | undefined
  afterAll(() => other?.close())

  it('is ready on a live Redis, and counts messages published by one instance and received by another', async () => {
    // Two instances in this process on the harness's database (h's own server has no Redis).
    const aRegistry = createMetricsRegistry({ process: 'app' })
    const aMetrics = createCollabMetrics(aRegistry)
    const bRegistry = createMetricsRegistry({ process: 'app' })
    const bMetrics = createCollabMetrics(bRegistry)
    const a = await startInProcess({ config: { redisUrl: redis.url, flushMs: 20 }, metrics: aMetrics.sink })
    other = await startInProcess({ config: { redisUrl: redis.url, flushMs: 20 }, metrics: bMetrics.sink })
    try {
      await waitUntil(async () => (await createReadiness({ redis: () => a.collab.pingRedis() }).check()).status === 'ready', {
        message: 'Redis never became ready',
      })
      const docName = `board:${h.project.projectId}`
      const onA = connectClient({ wsUrl: a.wsUrl, docName, headers: { cookie: h.owner.cookie, origin: a.origin } })
      const onB = connectClient({ wsUrl: other.wsUrl, docName, headers: { cookie: h.editor.cookie, origin: other.origin } })
      try {
        await Promise.all([whenSynced(onA), whenSynced(onB)])
        onA.doc.getArray<string>('log').push(['over the wire'])
        await waitUntil(() => logOf(onB.doc).includes('over the wire'), { message: 'B never got the edit' })
        const aText = await aRegistry.metrics()
        const bText = await bRegistry.metrics()
        expect(sample(aText, 'storyreel_collab_fanout_messages_published_total', { kind: 'update' })).toBeGreaterThanOrEqual(1)
        expect(sample(bText, 'storyreel_collab_fanout_messages_received_total', { kind: 'update' })).toBeGreaterThanOrEqual(1)
        expect(sample(bText, 'storyreel_collab_updates_received_total', { source: 'instance' })).toBeGreaterThanOrEqual(1)
      } finally {
        onA.destroy()
        onB.destroy()
      }
    } finally {
      await a.close()
    }
  })
})
