import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { runFfmpeg } from '@/server/media/ffmpeg'
import { tempFolder } from '@/server/media/ffmpeg/testing/clips'
import { defineJob } from './define-job'
import { cancelJob, enqueueJob, getJobStatus } from './queue'
import { gate, openTestQueue, uniqueJobName } from './testing/test-queue'

// The two halves together, as a render job will use them: ffmpeg's progress becomes the job's progress, and
// cancelling the job kills ffmpeg and leaves no partial file.

let env: Awaited<ReturnType<typeof openTestQueue>>
let folder: Awaited<ReturnType<typeof tempFolder>>
beforeAll(async () => {
  env = await openTestQueue()
  folder = await tempFolder()
})
afterAll(async () => {
  await env.close()
  await folder.cleanup()
})

const renderJob = (onProgress: (fraction: number) => void) =>
  defineJob({
    name: uniqueJobName('ffmpeg-render'),
    input: z.object({ output: z.string(), realtime: z.boolean() }),
    retryLimit: 0,
    async handler({ output, realtime }, ctx) {
      const args = [
        ...(realtime ? ['-re'] : []),
        '-f', 'lavfi', '-i', 'testsrc=s=64x48:r=10:d=2',
        '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-y', output,
      ]
      await runFfmpeg(args, {
        timeoutMs: 20_000,
        durationSeconds: 2,
        signal: ctx.signal,
        onProgress: ({ fraction }) => {
          ctx.reportProgress(fraction ?? 0, 'Encoding')
          onProgress(fraction ?? 0)
        },
      })
    },
  })

describe('a job running ffmpeg', () => {
  it('completes with the file written', async () => {
    const job = renderJob(() => {})
    const output = path.join(folder.dir, 'done.mp4')
    const workers = env.queue.startWorkers({ jobs: [job] })
    try {
      const jobId = await enqueueJob(job, { output, realtime: false })
      await expect.poll(() => getJobStatus(jobId)).toMatchObject({ state: 'completed', progress: 1, label: 'Encoding' })
      expect(fs.statSync(output).size).toBeGreaterThan(0)
    } finally {
      await workers.stop()
    }
  })

  it('shows ffmpeg progress while it runs, and a cancel kills ffmpeg and removes its partial output', async () => {
    const underway = gate()
    const job = renderJob((fraction) => fraction > 0 && underway.open())
    const output = path.join(folder.dir, 'cancelled.mp4')
    const workers = env.queue.startWorkers({ jobs: [job] })
    try {
      const jobId = await enqueueJob(job, { output, realtime: true })
      await underway.promise
      await expect.poll(async () => (await getJobStatus(jobId)).progress).toBeGreaterThan(0)
      await cancelJob(jobId)
      await workers.stop()
      expect(await getJobStatus(jobId)).toMatchObject({ state: 'cancelled' })
      expect(fs.existsSync(output)).toBe(false)
    } finally {
      await workers.stop()
    }
  })
})
