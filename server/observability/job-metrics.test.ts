// Job series from a real queue: depth read from pg-boss's table at scrape time, durations from real runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineJob } from '@/server/jobs/define-job'
import { enqueueJob } from '@/server/jobs/queue'
import { gate, openTestQueue, uniqueJobName } from '@/server/jobs/testing/test-queue'
import { createJobMetrics } from './job-metrics'
import { createMetricsRegistry } from './metrics-registry'

let env: Awaited<ReturnType<typeof openTestQueue>>
beforeAll(async () => {
  env = await openTestQueue()
})
afterAll(() => env.close())

const input = z.object({ take: z.number().int() })

function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const line = text
    .split('\n')
    .find((candidate) => candidate.startsWith(`${name}{`) && Object.entries(labels).every(([key, value]) => candidate.includes(`${key}="${value}"`)))
  return line === undefined ? undefined : Number(line.split(' ').at(-1))
}

describe('job metrics', () => {
  it('reports queued, running and finished runs with their outcome', async () => {
    const running = gate()
    const release = gate()
    const job = defineJob({
      name: uniqueJobName('metered'),
      input,
      retryLimit: 0,
      async handler({ take }) {
        if (take === 2) throw new Error('the cut has no video stream')
        running.open()
        await release.promise
      },
    })
    const registry = createMetricsRegistry({ process: 'worker' })
    const metrics = createJobMetrics(registry, { queues: [job.name], countUnfinished: (queues) => env.queue.countUnfinished(queues) })

    const empty = await registry.metrics()
    expect(sample(empty, 'storyreel_job_queue_depth', { queue: job.name, state: 'queued' })).toBe(0)

    await enqueueJob(job, { take: 1 })
    await enqueueJob(job, { take: 2 })
    const queued = await registry.metrics()
    expect(sample(queued, 'storyreel_job_queue_depth', { queue: job.name, state: 'queued' })).toBe(2)

    const workers = env.queue.startWorkers({ jobs: [job], onRunFinished: metrics.onRunFinished })
    try {
      await running.promise
      const busy = await registry.metrics()
      expect(sample(busy, 'storyreel_job_queue_depth', { queue: job.name, state: 'running' })).toBe(1)
      release.open()
      await expect
        .poll(async () => {
          const text = await registry.metrics()
          return [
            sample(text, 'storyreel_job_duration_seconds_count', { job: job.name, outcome: 'completed' }),
            sample(text, 'storyreel_job_duration_seconds_count', { job: job.name, outcome: 'failed' }),
          ]
        })
        .toEqual([1, 1])
      await expect.poll(async () => sample(await registry.metrics(), 'storyreel_job_queue_depth', { queue: job.name, state: 'queued' })).toBe(0)
    } finally {
      await workers.stop()
    }
  })

  it('leaves the depth out, and counts the failure, when the queue does not answer in time', async () => {
    const registry = createMetricsRegistry({ process: 'worker' })
    createJobMetrics(registry, { queues: ['render-animatic'], countUnfinished: () => new Promise(() => {}), timeoutMs: 50 })
    const text = await registry.metrics()
    expect(text).not.toMatch(/^storyreel_job_queue_depth\{/m)
    expect(text).toMatch(/^storyreel_job_queue_depth_read_failures_total\{process="worker"\} 1$/m)
  })
})
