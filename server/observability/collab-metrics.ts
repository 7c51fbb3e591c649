// The collaboration server's Prometheus series. On the receive path the server calls the sink, which only adds 1 to a
// plain number (prom-client's own inc() hashes its labels into a new string every call); the counters and gauges take
// their values when Prometheus scrapes. The persistence lag is observed after each batch write, off the receive path.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client'
import type { CollabMetricsSink, CollabStats, UpdateSource } from '@/server/collab'
import { fanoutKinds, type FanoutKind } from '@/server/collab/fanout'
import { metricsPrefix } from './metrics-registry'

export interface CollabMetrics {
  /** Hand to createCollabServer({ metrics }). */
  sink: CollabMetricsSink
  /** Where the gauges read from at scrape time: the server made with `sink`. */
  readStatsFrom(stats: () => CollabStats): void
}

const updateSources: readonly UpdateSource[] = ['client', 'instance', 'server']

export function createCollabMetrics(registry: Registry): CollabMetrics {
  let readStats: (() => CollabStats) | null = null
  const stats = () => readStats?.() ?? null
  const applied = zeroes(updateSources)
  const received = zeroes(fanoutKinds)
  const published = zeroes(fanoutKinds)

  new Gauge({
    name: `${metricsPrefix}collab_connections`,
    help: 'Open collaboration sockets, by whether they may edit their document.',
    labelNames: ['access'],
    registers: [registry],
    collect() {
      const current = stats()
      this.set({ access: 'read-write' }, current?.readWriteConnections ?? 0)
      this.set({ access: 'read-only' }, current?.readOnlyConnections ?? 0)
    },
  })
  new Gauge({
    name: `${metricsPrefix}collab_documents_loaded`,
    help: 'Live documents held in memory by this instance.',
    registers: [registry],
    collect() {
      this.set(stats()?.rooms ?? 0)
    },
  })
  new Gauge({
    name: `${metricsPrefix}collab_updates_unsaved`,
    help: 'Document updates received but not yet written to collab_updates.',
    registers: [registry],
    collect() {
      this.set(stats()?.unsavedUpdates ?? 0)
    },
  })
  countersFrom(registry, {
    name: `${metricsPrefix}collab_updates_received_total`,
    help: 'Document updates applied, by source: a socket here, another instance over Redis, or the server itself.',
    label: 'source',
    counts: applied,
  })
  countersFrom(registry, {
    name: `${metricsPrefix}collab_fanout_messages_received_total`,
    help: 'Redis fan-out messages received from other instances, by kind (update, awareness, hello).',
    label: 'kind',
    counts: received,
  })
  countersFrom(registry, {
    name: `${metricsPrefix}collab_fanout_messages_published_total`,
    help: 'Redis fan-out messages published to other instances, by kind (update, awareness, hello).',
    label: 'kind',
    counts: published,
  })
  const lag = new Histogram({
    name: `${metricsPrefix}collab_persistence_lag_seconds`,
    help: 'Seconds from receiving a document update to its durable write in collab_updates.',
    // The promise is "within ~100 ms" (COLLAB_FLUSH_MS 50 plus one insert); the long tail is the database away.
    buckets: [0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  })
  const observeLag = lag.labels().observe

  return {
    sink: {
      updateApplied: (source) => void (applied[source] += 1),
      updateSaved: (lagSeconds) => observeLag(lagSeconds),
      fanoutReceived: (kind) => void (received[kind] += 1),
      fanoutPublished: (kind) => void (published[kind] += 1),
    },
    readStatsFrom(source) {
      readStats = source
    },
  }
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>
}

/** A labelled counter whose values are the plain numbers in `counts`, read at scrape time. */
function countersFrom<K extends UpdateSource | FanoutKind>(
  registry: Registry,
  options: { name: string; help: string; label: string; counts: Record<K, number> },
): void {
  const { counts, label } = options
  new Counter({
    name: options.name,
    help: options.help,
    labelNames: [label],
    registers: [registry],
    collect() {
      // Counters have no set(); the running totals live in `counts`, so start from nothing and add them.
      this.reset()
      for (const key of Object.keys(counts) as K[]) this.inc({ [label]: key }, counts[key])
    },
  })
}
