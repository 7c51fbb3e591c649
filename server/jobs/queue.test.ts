import { eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { jobProgress } from '@/db/schema'
import { AppError } from '@/lib/errors'
import { defineJob } from './define-job'
import { cancelJob, enqueueJob, getJobStatus } from './queue'
import { gate, openTestQueue, uniqueJobName } from './testing/test-queue'

// Enqueue, run, progress, validation and de-duplication, through the same calls services use.

let env: Awaited<ReturnType<typeof openTestQueue>>
beforeAll(async () => {
  env = await openTestQueue()
})
afterAll(() => env.close())

const renderInput = z.object({ projectId: z.string().min(1), frames: z.number().int().positive() })

describe('a job', () => {
  it('runs with its validated input and reports progress that a status reader sees', async () => {
    const halfway = gate()
    const release = gate()
    const seen: unknown[] = []
    const job = defineJob({
      name: uniqueJobName('render'),
      input: renderInput,
      async handler(input, ctx) {
        seen.push(input, ctx.attempt)
        ctx.reportProgress(0.5, 'Encoding video')
        halfway.open()
        await release.promise
      },
    })
    const workers = env.queue.startWorkers({ jobs: [job] })
    try {
      const jobId = await enqueueJob(job, { projectId: 'p1', frames: 48 })
      await halfway.promise
      await expect
        .poll(() => getJobStatus(jobId))
        .toEqual({ state: 'running', progress: 0.5, label: 'Encoding video', error: null, attempts: 1 })
      release.open()
      await expect.poll(() => getJobStatus(jobId)).toMatchObject({ state: 'completed', progress: 1, attempts: 1 })
      expect(seen).toEqual([{ projectId: 'p1', frames: 48 }, 1])
    } finally {
      await workers.stop()
    }
  })

  it('waits as "queued" with no attempts until a worker takes it', async () => {
    const job = defineJob({ name: uniqueJobName('idle'), input: renderInput, handler: async () => {} })
    const jobId = await enqueueJob(job, { projectId: 'p1', frames: 1 })
    expect(await getJobStatus(jobId)).toEqual({ state: 'queued', progress: 0, label: null, error: null, attempts: 0 })
  })

  it('can be enqueued by name once defined in this process', async () => {
    const job = defineJob({ name: uniqueJobName('by-name'), input: renderInput, handler: async () => {} })
    const jobId = await enqueueJob(job.name, { projectId: 'p2', frames: 2 })
    expect((await getJobStatus(jobId)).state).toBe('queued')
    await expect(enqueueJob('no-such-job', {})).rejects.toThrow('No job named "no-such-job"')
  })
})

describe('enqueueing', () => {
  it('rejects input that fails the schema, naming the field, and creates nothing', async () => {
    const job = defineJob({ name: uniqueJobName('strict'), input: renderInput, handler: async () => {} })
    const attempt = enqueueJob(job, { projectId: '', frames: 2.5 } as z.infer<typeof renderInput>)
    await expect(attempt).rejects.toBeInstanceOf(AppError)
    await expect(attempt).rejects.toMatchObject({ code: 'BAD_REQUEST', userMessage: expect.stringMatching(/projectId.*frames/) })
    const rows = await env.handle.db.select().from(jobProgress).where(eq(jobProgress.queue, job.name))
    expect(rows).toEqual([])
    expect(await env.queue.boss.getQueueSize(job.name)).toBe(0)
  })

  it('returns the waiting job for a repeated singletonKey, and a new one for another key or once it is done', async () => {
    const job = defineJob({ name: uniqueJobName('single'), input: renderInput, handler: async () => {} })
    const input = { projectId: 'p1', frames: 24 }
    const [first, again] = await Promise.all([
      enqueueJob(job, input, { singletonKey: 'version-7' }),
      enqueueJob(job, input, { singletonKey: 'version-7' }),
    ])
    expect(again).toBe(first)
    expect(await enqueueJob(job, input, { singletonKey: 'version-8' })).not.toBe(first)

    const workers = env.queue.startWorkers({ jobs: [job] })
    try {
      await expect.poll(async () => (await getJobStatus(first)).state).toBe('completed')
    } finally {
      await workers.stop()
    }
    expect(await enqueueJob(job, input, { singletonKey: 'version-7' })).not.toBe(first)
  })
})

describe('job_progress housekeeping', () => {
  it("forgets rows a month after their last update, during pg-boss's maintenance", async () => {
    const old = '2b7e1516-28ae-4d2a-a6ab-f7158809cf4f'
    const fresh = '3c4fcf09-8f0e-4c43-a7a1-2f1f1d2b1e12'
    const longAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000)
    await env.handle.db.insert(jobProgress).values([
      { jobId: old, queue: 'archived-long-ago', updatedAt: longAgo },
      { jobId: fresh, queue: 'recent' },
    ])
    const remaining = async () =>
      (await env.handle.db.select({ id: jobProgress.jobId }).from(jobProgress).where(inArray(jobProgress.jobId, [old, fresh]))).map((r) => r.id)
    await expect.poll(remaining, { timeout: 10_000 }).toEqual([fresh])
  })
})

describe('status and cancel of unknown jobs', () => {
  it('say the job was not found, for a well-formed id and for garbage', async () => {
    for (const id of ['5b1d9a52-8f0e-4c43-a7a1-2f1f1d2b1e11', "1'; DROP TABLE job_progress; --"]) {
      await expect(getJobStatus(id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
      await expect(cancelJob(id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    }
  })
})
