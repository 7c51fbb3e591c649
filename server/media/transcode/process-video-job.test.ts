import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assets } from '@/db/schema'
import { cancelJob, enqueueJob, getJobStatus } from '@/server/jobs/queue'
import { openTestQueue, uniqueJobName } from '@/server/jobs/testing/test-queue'
import { makeClip, tempFolder } from '@/server/media/ffmpeg/testing/clips'
import { assetStorageKey } from '@/server/media/storage/storage-key'
import { filesUnder, useTemporaryMediaStorage } from '@/server/services/assets/testing'
import { createProject } from '@/server/services/projects/create-project'
import { seedTeam } from '@/server/services/testing/fixtures'
import type { ProcessVideoResult } from './process-video'
import { createProcessVideoJob } from './process-video-job'

// The job end to end on a real queue, database and media folder: a real clip in, three assets out; a file that is
// not a video and a cancel mid-encode leave nothing behind.

let env: Awaited<ReturnType<typeof openTestQueue>>
let media: Awaited<ReturnType<typeof useTemporaryMediaStorage>>
let folder: Awaited<ReturnType<typeof tempFolder>>
let team: Awaited<ReturnType<typeof seedTeam>>
let projectId: string
let workRoot: string

beforeAll(async () => {
  env = await openTestQueue()
  media = await useTemporaryMediaStorage()
  folder = await tempFolder()
  workRoot = path.join(folder.dir, 'work')
  await fsp.mkdir(workRoot)
  team = await seedTeam('Transcode')
  projectId = (await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'Cut', frameRate: '25', resolution: '1920x1080' })).projectId
})
afterAll(async () => {
  await env.close()
  await media.cleanup()
  await folder.cleanup()
})

/** An uploaded original, as the upload route will store it: the file under its key and a video row. */
async function storeOriginal(filePath: string, mime = 'video/mp4'): Promise<string> {
  const id = crypto.randomUUID()
  const storageKey = assetStorageKey({ projectId, assetId: id, name: 'original' })
  const { size } = await media.storage.put(storageKey, fs.createReadStream(filePath) as AsyncIterable<Uint8Array>, { contentType: mime })
  await env.handle.db.insert(assets).values({
    id, workspaceId: team.workspaceId, projectId, kind: 'video', storageKey, originalName: path.basename(filePath),
    mime, bytes: size, sha256: '0'.repeat(64), createdBy: team.editor.userId,
  })
  return id
}

const projectAssets = () => env.handle.db.select().from(assets).where(eq(assets.projectId, projectId))
const running = (label: string, options: Parameters<typeof createProcessVideoJob>[0] = {}) =>
  createProcessVideoJob({ name: uniqueJobName(label), retryLimit: 0, tempRoot: workRoot, ...options })

describe('the review-process-version job', () => {
  it('turns an uploaded clip into a proxy, poster and filmstrip asset', async () => {
    const clip = await makeClip(path.join(folder.dir, 'cut.mov'), { video: 'testsrc2=s=320x240:r=25:d=2', audio: 'sine=d=2' })
    const originalId = await storeOriginal(clip, 'video/quicktime')
    const results: ProcessVideoResult[] = []
    const job = running('process', { onProcessed: async (result) => void results.push(result) })
    const workers = env.queue.startWorkers({ jobs: [job] })
    try {
      const jobId = await enqueueJob(job, { assetId: originalId, projectId })
      await expect.poll(() => getJobStatus(jobId), { timeout: 20_000 }).toMatchObject({ state: 'completed', progress: 1, label: 'Ready' })
    } finally {
      await workers.stop()
    }
    const [result] = results
    expect(result).toMatchObject({ frameCount: 50, durationFrames: 50, fps: { num: 25, den: 1 }, width: 320, height: 240, posterFrame: 5 })
    expect(result?.filmstrip).toMatchObject({ columns: 10, tileWidth: 160, tileHeight: 120, frames: [2, 7, 12, 17, 22, 27, 32, 37, 42, 47] })
    const rows = await projectAssets()
    const byId = (id: string | undefined) => rows.find((row) => row.id === id)
    expect(byId(result?.proxyAssetId)).toMatchObject({ kind: 'video', mime: 'video/mp4', width: 320, height: 240, durationFrames: 50, createdBy: team.editor.userId, workspaceId: team.workspaceId })
    expect(byId(result?.posterAssetId)).toMatchObject({ kind: 'thumbnail', mime: 'image/jpeg', width: 320, height: 240 })
    expect(byId(result?.filmstripAssetId)).toMatchObject({ kind: 'image', mime: 'image/jpeg', width: 1600, height: 120 })
    for (const id of [result?.proxyAssetId, result?.posterAssetId, result?.filmstripAssetId]) {
      const row = byId(id)
      expect(row?.bytes).toBeGreaterThan(0)
      expect((await media.storage.stat(row!.storageKey)).size).toBe(row?.bytes)
    }
    expect(await fsp.readdir(workRoot)).toEqual([])
  })

  it('fails an HTML file with the validation message and stores nothing', async () => {
    const page = path.join(folder.dir, 'page.mp4')
    await fsp.writeFile(page, '<!doctype html><html><body>Not a video</body></html>')
    const originalId = await storeOriginal(page)
    const rowsBefore = (await projectAssets()).length
    const filesBefore = await filesUnder(media.root)
    const job = running('process-html')
    const workers = env.queue.startWorkers({ jobs: [job] })
    try {
      const jobId = await enqueueJob(job, { assetId: originalId, projectId })
      await expect.poll(() => getJobStatus(jobId), { timeout: 20_000 }).toMatchObject({
        state: 'failed',
        error: 'This file is not a video. We accept MP4, MOV, MKV, WebM, AVI and MXF files.',
      })
    } finally {
      await workers.stop()
    }
    expect((await projectAssets()).length).toBe(rowsBefore)
    expect(await filesUnder(media.root)).toEqual(filesBefore)
    expect(await fsp.readdir(workRoot)).toEqual([])
  })

  it('stops ffmpeg when cancelled mid-transcode and leaves nothing behind', async () => {
    const clip = await makeClip(path.join(folder.dir, 'slow.mp4'), { video: 'testsrc2=s=320x240:r=25:d=2' })
    const originalId = await storeOriginal(clip)
    const rowsBefore = (await projectAssets()).length
    const filesBefore = await filesUnder(media.root)
    // readRate 1: the 2 s clip takes 2 s to encode, long enough to cancel it part way.
    const job = running('process-cancel', { readRate: 1 })
    const workers = env.queue.startWorkers({ jobs: [job] })
    try {
      const jobId = await enqueueJob(job, { assetId: originalId, projectId })
      await expect.poll(async () => (await getJobStatus(jobId)).progress, { timeout: 20_000, interval: 20 }).toBeGreaterThan(0.1)
      expect(await getJobStatus(jobId)).toMatchObject({ state: 'running', label: 'Transcoding' })
      await cancelJob(jobId)
      await expect.poll(() => getJobStatus(jobId)).toMatchObject({ state: 'cancelled' })
    } finally {
      await workers.stop()
    }
    expect(ffmpegProcessesUnder(workRoot)).toEqual([])
    expect(await fsp.readdir(workRoot)).toEqual([])
    expect((await projectAssets()).length).toBe(rowsBefore)
    expect(await filesUnder(media.root)).toEqual(filesBefore)
  })
})

describe('the review-process-version job, when recording fails after the assets are stored', () => {
  it('removes the proxy, poster and filmstrip it had stored', async () => {
    const clip = await makeClip(path.join(folder.dir, 'late.mp4'), { video: 'testsrc2=s=320x240:r=25:d=1' })
    const originalId = await storeOriginal(clip)
    const rowsBefore = (await projectAssets()).length
    const filesBefore = await filesUnder(media.root)
    let stored: ProcessVideoResult | null = null
    const job = running('process-late-failure', {
      onProcessed: async (result) => {
        stored = result
        throw new Error('the version was deleted meanwhile')
      },
    })
    const workers = env.queue.startWorkers({ jobs: [job] })
    try {
      const jobId = await enqueueJob(job, { assetId: originalId, projectId })
      await expect.poll(() => getJobStatus(jobId), { timeout: 20_000 }).toMatchObject({ state: 'failed' })
    } finally {
      await workers.stop()
    }
    expect(stored).not.toBeNull()
    expect((await projectAssets()).length).toBe(rowsBefore)
    expect(await filesUnder(media.root)).toEqual(filesBefore)
  })
})

/** Processes with a path under folder on their command line (Linux). */
function ffmpegProcessesUnder(folder: string): string[] {
  if (process.platform !== 'linux') return []
  return fs.readdirSync('/proc').filter((pid) => {
    try {
      return /^\d+$/.test(pid) && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(folder)
    } catch {
      return false
    }
  })
}
