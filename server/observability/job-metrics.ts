// Job queue series: how many jobs wait or run per queue (read from pg-boss's table when Prometheus scrapes, under a
// time limit so a slow database cannot hang /metrics), and how long runs on this worker took and how they ended.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client'
import type { JobState } from '@/lib/jobs/job-status'
import type { JobRunObserver } from '@/server/jobs/job-runner'
import { metricsPrefix } from './metrics-registry'
import { withTimeout } from './with-timeout'

export interface JobMetricsOptions {
  /** The queues (job names) to report, so an empty queue shows as 0 rather than as no series. */
  queues: readonly string[]
  countUnfinished: (queues: readonly string[]) => Promise<{ queue: string; state: JobState; count: number }[]>
  timeoutMs?: number
}

export interface JobMetrics {
  /** Hand to startWorkers({ onRunFinished }). */
  onRunFinished: JobRunObserver
}

const unfinishedStates: readonly JobState[] = ['queued', 'retrying', 'running']

export function createJobMetrics(registry: Registry, options: JobMetricsOptions): JobMetrics {
  const timeoutMs = options.timeoutMs ?? 2_000
  type Rows = Awaited<ReturnType<JobMetricsOptions['countUnfinished']>>
  // One read per scrape, started by the gauge (registered first, so collected first) and awaited by the failure
  // counter too: both describe the same scrape.
  let read: Promise<Rows | null> = Promise.resolve(null)
  new Gauge({
    name: `${metricsPrefix}job_queue_depth`,
    help: 'Jobs not finished yet, per queue and state (queued, retrying, running), across all workers.',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset()
      read = withTimeout(options.countUnfinished(options.queues), timeoutMs, 'job queue depth').catch(() => null)
      const rows = await read
      // A stale number would look healthy; no series (and the failure counter) says "unknown".
      if (!rows) return
      for (const queue of options.queues) for (const state of unfinishedStates) this.set({ queue, state }, 0)
      for (const row of rows) if (unfinishedStates.includes(row.state)) this.set({ queue: row.queue, state: row.state }, row.count)
    },
  })
  new Counter({
    name: `${metricsPrefix}job_queue_depth_read_failures_total`,
    help: 'Scrapes where the job queue depth could not be read in time; the depth series are absent from those scrapes.',
    registers: [registry],
    async collect() {
      if (!(await read)) this.inc()
    },
  })
  const durations = new Histogram({
    name: `${metricsPrefix}job_duration_seconds`,
    help: 'Runs of a job on this worker, from lease to the handler returning, by job and outcome.',
    labelNames: ['job', 'outcome'],
    // Thumbnails take a second, an hour-long cut's proxy many minutes.
    buckets: [0.5, 1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600],
    registers: [registry],
  })

  return {
    onRunFinished: ({ queue, outcome, seconds }) => durations.observe({ job: queue, outcome }, seconds),
  }
}
