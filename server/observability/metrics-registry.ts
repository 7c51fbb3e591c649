// The process's Prometheus registry: ours, not prom-client's global one, so a library that registers metrics on the
// global registry cannot add series to /metrics or clash with our names. Holds Node's default process metrics
// (CPU, memory, event-loop lag, GC) under the same prefix as ours.
import { collectDefaultMetrics, Registry } from 'prom-client'

export const metricsPrefix = 'storyreel_'

export function createMetricsRegistry(labels: { process: 'app' | 'worker' }): Registry {
  const registry = new Registry()
  // Every series says which kind of process it came from; Prometheus adds instance and job itself.
  registry.setDefaultLabels(labels)
  collectDefaultMetrics({ register: registry, prefix: metricsPrefix })
  return registry
}
