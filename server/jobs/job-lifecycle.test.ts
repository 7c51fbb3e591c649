import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { AppError } from '@/lib/errors'
import { defineJob } from './define-job'
import { isJobInterruptedError } from './job-interrupted-error'
import { JobQueue } from './job-queue'
import { cancelJob, enqueueJob, getJobStatus } from './queue'
import { aborted, fastTuning, gate, openTestQueue, uniqueJobName } from './testing/test-queue'

// Failure, retry, cancel, expiry, dead workers and stopping: what happens to a job when things go wrong.

let env: Awaited<ReturnType<typeof openTestQueue>>
beforeAll(async () => {
  env = await openTestQueue()
})
afterAll(() => env.close())

const clipInput = z.object({ clip: z.string() })
const reasonOf = (value: unknown) => (isJobInterruptedError(value) ? value.reason : value)

describe('a failing job', () => {
  it('is retried, then fails with the message its handler gave', async () => {
    const attempts: number[] = []
    const job = defineJob({
      name: uniqueJobName('fails'),
      input: clipInput,
      retryLimit: 2,
      retryDelaySeconds: 0,
      retryBackoff: false,
      async handler(_input, ctx) {
        attempts.push(ctx.attempt)
        throw new AppError('BAD_REQUEST', { userMessage: 'The clip has no video stream.' })
      },
    })
    const workers = env.queue.startWorkers({ jobs: [job] })
    try {
      const jobId = await enqueueJob(job, { clip: 'a.mp4' })
      await expect
        .poll(() => getJobStatus(jobId), { timeout: 10_000 })
        .toMatchObject({ state: 'failed', error: 'The clip has no video stream.', attempts: 3 })
      expect(attempts).toEqual([1, 2, 3])
    } finally {
      await workers.stop()
    }
  })

  it('waits longer before each retry when backoff is on', async () => {
    const startedAt: number[] = []
    const job = defineJob({
      name: uniqueJobName('backoff'),
      input: clipInput,
      retryLimit: 1,
      retryDelaySeconds: 1,
      retryBackoff: true,
      async handler() {
        startedAt.push(Date.now())
        if (startedAt.length === 1) throw new AppError('UNAVAILABLE', { userMessage: 'The renderer is busy.' })
      },
    })
    const workers = env.queue.startWorkers({ jobs: [job] })
    try {
      const jobId = await enqueueJob(job, { clip: 'b.mp4' })
      await expect
        .poll(() => getJobStatus(jobId))
        .toMatchObject({ state: 'retrying', error: 'The renderer is busy.', attempts: 1 })
      await expect.poll(() => getJobStatus(jobId), { timeout: 10_000 }).toMatchObject({ state: 'completed', attempts: 2 })
      // pg-boss waits retryDelay × 2^n / 2 plus up to as much again in jitter: 1–2 s before the first retry.
      expect(startedAt[1]! - startedAt[0]!).toBeGreaterThanOrEqual(1000)
    } finally {
      await workers.stop()
    }
  })

  it('shows a generic message, not the internal error, when the handler throws something unexpected', async () => {
    const job = defineJob({
      name: uniqueJobName('internal'),
      input: clipInput,
      retryLimit: 0,
      handler: async () => {
        throw new Error('connect ECONNREFUSED 10.0.0.5:5432')
      },
    })
    const workers = env.queue.startWorkers({ jobs: [job] })
    try {
      const jobId = await enqueueJob(job, { clip: 'c.mp4' })
      await expect.poll(() => getJobStatus(jobId)).toMatchObject({ state: 'failed', error: 'The job failed unexpectedly.' })
    } finally {
      await workers.stop()
    }
  })
})

describe('cancelling', () => {
  it('aborts a handler running in this process and leaves the job cancelled, not failed', async () => {
    const started = gate()
    const reason = gate<unknown>()
    const job = defineJob({
      name: uniqueJobName('cancel'),
      input: clipInput,
      async handler(_input, ctx) {
        started.open()
        const why = await aborted(ctx.signal)
        reason.open(why)
        throw why
      },
    })
    const workers = env.queue.startWorkers({ jobs: [job] })
    try {
      const jobId = await enqueueJob(job, { clip: 'd.mp4' })
      await started.promise
      await cancelJob(jobId)
      expect(reasonOf(await reason.promise)).toBe('cancelled')
      await workers.stop() // settles the outcome before we look
      expect(await getJobStatus(jobId)).toMatchObject({ state: 'cancelled', error: null })
    } finally {
      await workers.stop()
    }
  })

  it('reaches a handler in another process at its next lease check', async () => {
    const started = gate()
    const job = defineJob({
      name: uniqueJobName('cancel-remote'),
      input: clipInput,
      async handler(_input, ctx) {
        started.open()
        throw await aborted(ctx.signal)
      },
    })
    const workers = env.queue.startWorkers({ jobs: [job] })
    try {
      const jobId = await enqueueJob(job, { clip: 'e.mp4' })
      await started.promise
      // What another process's cancelJob does to the database, without touching this process's handlers.
      await env.queue.boss.cancel(job.name, jobId)
      await workers.stop()
      expect((await getJobStatus(jobId)).state).toBe('cancelled')
    } finally {
      await workers.stop()
    }
  })
})

describe('expiry', () => {
  it('aborts a handler that runs past expireInSeconds and retries the job', async () => {
    const reasons: unknown[] = []
    const job = defineJob({
      name: uniqueJobName('slow'),
      input: clipInput,
      expireInSeconds: 1,
      retryDelaySeconds: 0,
      retryBackoff: false,
      async handler(_input, ctx) {
        if (ctx.attempt > 1) return
        const why = await aborted(ctx.signal)
        reasons.push(reasonOf(why))
        throw why
      },
    })
    const workers = env.queue.startWorkers({ jobs: [job] })
    try {
      const jobId = await enqueueJob(job, { clip: 'f.mp4' })
      await expect.poll(() => getJobStatus(jobId), { timeout: 10_000 }).toMatchObject({ state: 'completed', attempts: 2 })
      expect(reasons).toEqual(['expired'])
    } finally {
      await workers.stop()
    }
  })

  it('hands the job of a worker that died to another worker once its lease runs out', async () => {
    const job = defineJob({
      name: uniqueJobName('orphan'),
      input: clipInput,
      expireInSeconds: 1,
      retryDelaySeconds: 0,
      retryBackoff: false,
      handler: async () => {},
    })
    const jobId = await enqueueJob(job, { clip: 'g.mp4' })
    // The dying worker: leases the job, then its pg-boss stops without completing or failing it.
    const dying = await JobQueue.open(env.handle, fastTuning)
    const [leased] = await dying.boss.fetch(job.name)
    expect(leased?.id).toBe(jobId)
    await dying.close()
    expect(await getJobStatus(jobId)).toMatchObject({ state: 'running', attempts: 1 })

    const workers = env.queue.startWorkers({ jobs: [job] })
    try {
      await expect.poll(() => getJobStatus(jobId), { timeout: 10_000 }).toMatchObject({ state: 'completed', attempts: 2 })
    } finally {
      await workers.stop()
    }
  })

  it('does not let a hung worker overwrite the run of the worker that took its job over', async () => {
    const hungRelease = gate()
    const secondRunStarted = gate()
    const secondRunRelease = gate()
    const job = defineJob({
      name: uniqueJobName('hung'),
      input: clipInput,
      expireInSeconds: 1,
      retryDelaySeconds: 0,
      retryBackoff: false,
      async handler(_input, ctx) {
        if (ctx.attempt === 1) return hungRelease.promise // ignores its signal, then claims success
        secondRunStarted.open()
        await secondRunRelease.promise
      },
    })
    const other = await JobQueue.open(env.handle, fastTuning)
    const hungWorker = env.queue.startWorkers({ jobs: [job] })
    const jobId = await enqueueJob(job, { clip: 'h.mp4' })
    await expect.poll(async () => (await getJobStatus(jobId)).state).toBe('running')
    const takeover = other.startWorkers({ jobs: [job] })
    try {
      await secondRunStarted.promise
      hungRelease.open()
      await hungWorker.stop() // returns once the hung run has tried to record its outcome
      expect(await getJobStatus(jobId)).toMatchObject({ state: 'running', attempts: 2 })
      secondRunRelease.open()
      await expect.poll(() => getJobStatus(jobId)).toMatchObject({ state: 'completed', attempts: 2 })
    } finally {
      hungRelease.open()
      secondRunRelease.open()
      await hungWorker.stop()
      await takeover.stop()
      await other.close()
    }
  })
})

describe('stopping workers', () => {
  it('aborts the running handler, waits for it to yield, and leaves the job to be retried', async () => {
    const started = gate()
    let cleanedUp = false
    const job = defineJob({
      name: uniqueJobName('stop'),
      input: clipInput,
      retryLimit: 1,
      async handler(_input, ctx) {
        started.open()
        const why = await aborted(ctx.signal)
        await new Promise((resolve) => setTimeout(resolve, 100)) // e.g. killing ffmpeg, removing a partial file
        cleanedUp = true
        throw why
      },
    })
    const workers = env.queue.startWorkers({ jobs: [job] })
    const jobId = await enqueueJob(job, { clip: 'i.mp4' })
    await started.promise
    await workers.stop()
    expect(cleanedUp).toBe(true)
    expect(await getJobStatus(jobId)).toMatchObject({
      state: 'retrying',
      error: 'The worker stopped before the job finished.',
      attempts: 1,
    })
  })
})
