import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { AppError } from '@/lib/errors'
import { defineJob, JobDefinitionError } from './define-job'
import { JobQueue } from './job-queue'
import { enqueueJob, getJobStatus } from './queue'
import { aborted, fastTuning, gate, openTestQueue, uniqueJobName } from './testing/test-queue'

// Renewed leases and retries only for lost workers: what lets a long render move to another worker soon after its
// worker dies, without being cut off while its worker lives, and without retrying a render that failed on its own.

let env: Awaited<ReturnType<typeof openTestQueue>>
beforeAll(async () => {
  env = await openTestQueue()
})
afterAll(() => env.close())

const clipInput = z.object({ clip: z.string() })
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('a renewed lease', () => {
  it('keeps a run alive well past its lease while its worker lives', async () => {
    const job = defineJob({
      name: uniqueJobName('renewed'),
      input: clipInput,
      leaseSeconds: 1,
      expireInSeconds: 60,
      retryDelaySeconds: 0,
      retryBackoff: false,
      handler: async () => {
        await sleep(3_500)
      },
    })
    const workers = env.queue.startWorkers({ jobs: [job] })
    try {
      const jobId = await enqueueJob(job, { clip: 'long.mp4' })
      // Maintenance runs every second here: without renewal the 1 s lease would be reclaimed and the job retried.
      await expect.poll(() => getJobStatus(jobId), { timeout: 15_000 }).toMatchObject({ state: 'completed', attempts: 1 })
    } finally {
      await workers.stop()
    }
  })

  it('hands a dead worker’s job to another worker after the lease, long before expireInSeconds', async () => {
    const job = defineJob({
      name: uniqueJobName('dead-renewed'),
      input: clipInput,
      leaseSeconds: 1,
      expireInSeconds: 3600,
      retryDelaySeconds: 0,
      retryBackoff: false,
      handler: async () => {},
    })
    const jobId = await enqueueJob(job, { clip: 'orphan.mp4' })
    // The dying worker leases the job and never renews or settles it.
    const dying = await JobQueue.open(env.handle, fastTuning)
    const [leased] = await dying.boss.fetch(job.name)
    expect(leased?.id).toBe(jobId)
    await dying.close()
    const workers = env.queue.startWorkers({ jobs: [job] })
    try {
      await expect.poll(() => getJobStatus(jobId), { timeout: 10_000 }).toMatchObject({ state: 'completed', attempts: 2 })
    } finally {
      await workers.stop()
    }
  })

  it('must fit inside the time limit', () => {
    expect(() => defineJob({ name: uniqueJobName('bad-lease'), input: clipInput, leaseSeconds: 10, expireInSeconds: 5, handler: async () => {} })).toThrow(JobDefinitionError)
  })
})

describe('retryHandlerFailures: false', () => {
  it('fails at once when the handler fails, whatever retryLimit says', async () => {
    let runs = 0
    const job = defineJob({
      name: uniqueJobName('no-retry'),
      input: clipInput,
      retryLimit: 2,
      retryHandlerFailures: false,
      retryDelaySeconds: 0,
      retryBackoff: false,
      handler: async () => {
        runs += 1
        throw new AppError('BAD_REQUEST', { userMessage: 'The board has no panels.' })
      },
    })
    const workers = env.queue.startWorkers({ jobs: [job] })
    try {
      const jobId = await enqueueJob(job, { clip: 'empty.mp4' })
      await expect.poll(() => getJobStatus(jobId)).toMatchObject({ state: 'failed', error: 'The board has no panels.', attempts: 1 })
      await sleep(1_500)
      expect(runs).toBe(1)
    } finally {
      await workers.stop()
    }
  })

  it('still retries a run whose worker was stopped under it', async () => {
    const started = gate()
    const job = defineJob({
      name: uniqueJobName('stopped-retry'),
      input: clipInput,
      retryLimit: 1,
      retryHandlerFailures: false,
      retryDelaySeconds: 0,
      retryBackoff: false,
      async handler(_input, ctx) {
        if (ctx.attempt > 1) return
        started.open()
        throw await aborted(ctx.signal)
      },
    })
    const first = env.queue.startWorkers({ jobs: [job] })
    const jobId = await enqueueJob(job, { clip: 'stop.mp4' })
    await started.promise
    await first.stop()
    const second = env.queue.startWorkers({ jobs: [job] })
    try {
      await expect.poll(() => getJobStatus(jobId), { timeout: 10_000 }).toMatchObject({ state: 'completed', attempts: 2 })
    } finally {
      await second.stop()
    }
  })
})
