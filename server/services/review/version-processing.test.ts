import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assets, collabUpdates, reviewVersions } from '@/db/schema'
import { AppError } from '@/lib/errors'
import { JobInterruptedError } from '@/server/jobs/job-interrupted-error'
import { cancelJob, getJobStatus } from '@/server/jobs/queue'
import { createReviewProcessVersionJob, isFinalFailure } from '@/server/jobs/review-process-version-job'
import { openTestQueue } from '@/server/jobs/testing/test-queue'
import { makeClip, tempFolder } from '@/server/media/ffmpeg/testing/clips'
import { assetStorageKey } from '@/server/media/storage/storage-key'
import { useTemporaryMediaStorage } from '@/server/services/assets/testing'
import { createProject } from '@/server/services/projects/create-project'
import { outcome, seedTeam } from '@/server/services/testing/fixtures'
import { createReviewItem } from './create-review-item'
import { createReviewVersion } from './create-review-version'
import { getVersionProcessing } from './get-version-processing'
import { retryVersionProcessing } from './retry-version-processing'
import { startVersionProcessing } from './start-version-processing'

// The processing job wired to review versions, on a real queue, database, media folder and ffmpeg: what a page polls
// while it runs, the result on the version, a failure with its reason, and a retry.

let env: Awaited<ReturnType<typeof openTestQueue>>
let media: Awaited<ReturnType<typeof useTemporaryMediaStorage>>
let folder: Awaited<ReturnType<typeof tempFolder>>
let team: Awaited<ReturnType<typeof seedTeam>>
let projectId: string
let reviewItemId: string
let clipPath: string
let workers: { stop: () => Promise<void> } | null = null

beforeAll(async () => {
  env = await openTestQueue()
  media = await useTemporaryMediaStorage()
  folder = await tempFolder()
  await fsp.mkdir(path.join(folder.dir, 'work'))
  team = await seedTeam('Processing')
  projectId = (await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'Cut', frameRate: '25', resolution: '1920x1080' })).projectId
  reviewItemId = (await createReviewItem({ actor: team.owner, projectId, title: 'Teaser', kind: 'cut' })).reviewItemId
  clipPath = await makeClip(path.join(folder.dir, 'cut.mp4'), { video: 'testsrc2=s=160x120:r=25:d=1' })
})
afterAll(async () => {
  await workers?.stop()
  await env.close()
  await media.cleanup()
  await folder.cleanup()
})

async function stopWorkers(): Promise<void> {
  await workers?.stop()
  workers = null
}

function startWorkers(): void {
  // No retries, so a failure is final at once instead of after the 30 s retry delay.
  workers ??= env.queue.startWorkers({ jobs: [createReviewProcessVersionJob({ retryLimit: 0, tempRoot: path.join(folder.dir, 'work') })] })
}

/** An uploaded original (any bytes) and a version of it whose processing has been queued, as the upload leaves it. */
async function uploadedVersion(bytes: Buffer | string): Promise<{ versionId: string; assetId: string; storageKey: string }> {
  const assetId = crypto.randomUUID()
  const storageKey = assetStorageKey({ projectId, assetId, name: 'original' })
  const body = typeof bytes === 'string' ? (fs.createReadStream(bytes) as AsyncIterable<Uint8Array>) : new Uint8Array(bytes)
  const { size } = await media.storage.put(storageKey, body, { contentType: 'video/mp4' })
  await env.handle.db.insert(assets).values({
    id: assetId, workspaceId: team.workspaceId, projectId, kind: 'video', storageKey, originalName: 'cut.mp4',
    mime: 'video/mp4', bytes: size, sha256: '0'.repeat(64), createdBy: team.editor.userId,
  })
  const { versionId } = await createReviewVersion({ actor: team.editor, projectId, reviewItemId, assetId })
  await startVersionProcessing({ projectId, versionId, assetId })
  return { versionId, assetId, storageKey }
}

const processingOf = (versionId: string, actor = team.viewer) => getVersionProcessing({ actor, projectId, versionId })
const versionRow = async (versionId: string) => (await env.handle.db.select().from(reviewVersions).where(eq(reviewVersions.id, versionId)))[0]!
const feedUpdates = async () => (await env.handle.db.select().from(collabUpdates).where(eq(collabUpdates.docId, `review:${reviewItemId}`))).length

describe('processing a review version', () => {
  it('is pending while queued, then ready with the proxy, poster, filmstrip layout and the probed frames', async () => {
    const { versionId } = await uploadedVersion(clipPath)
    expect(await processingOf(versionId)).toEqual({ state: 'pending', progress: 0, message: 'Waiting for a free worker' })
    const nudgesBefore = await feedUpdates()
    startWorkers()
    await expect.poll(() => processingOf(versionId), { timeout: 30_000, interval: 200 }).toEqual({ state: 'ready', progress: 1, message: null })
    const version = await versionRow(versionId)
    expect(version).toMatchObject({ processing: 'ready', frameCount: 25, fpsNumerator: 25, fpsDenominator: 1, width: 160, height: 120, processingError: null })
    expect(version.proxyAssetId && version.posterAssetId && version.filmstripAssetId).toBeTruthy()
    expect(version.filmstripLayout).toEqual({ columns: 10, rows: 1, tileWidth: 160, tileHeight: 120, frames: [1, 3, 6, 8, 11, 13, 16, 18, 21, 23] })
    // Everyone with the review open was told to refetch.
    expect(await feedUpdates()).toBeGreaterThan(nudgesBefore)
  })

  it('a file that cannot be processed fails once, with the reason, and no retry is wasted on it', async () => {
    const { versionId } = await uploadedVersion(Buffer.from('<html>not a video</html>'))
    startWorkers()
    await expect.poll(() => processingOf(versionId), { timeout: 20_000, interval: 200 }).toMatchObject({ state: 'failed', message: expect.stringMatching(/This file is not a video/) })
    const version = await versionRow(versionId)
    expect(version.processingError).toMatch(/This file is not a video/)
    expect((await getJobStatus(version.processingJobId!)).attempts).toBe(1)
  })

  it('a failure that is not the file’s fault is recorded after the last attempt, and an editor’s retry processes it', async () => {
    await stopWorkers()
    const { versionId, storageKey } = await uploadedVersion(clipPath)
    // The original vanishes from storage: not the uploader's doing, and worth retrying once it is back.
    const saved = path.join(folder.dir, 'saved.mp4')
    await fsp.copyFile(clipPath, saved)
    await media.storage.delete(storageKey)
    startWorkers()
    await expect.poll(() => processingOf(versionId), { timeout: 20_000, interval: 200 }).toMatchObject({ state: 'failed', message: expect.stringMatching(/^Processing stopped with an error\. Retry/) })

    expect(await outcome(() => retryVersionProcessing({ actor: team.commenter, projectId, versionId }))).toBe('FORBIDDEN')
    await media.storage.put(storageKey, fs.createReadStream(saved) as AsyncIterable<Uint8Array>, { contentType: 'video/mp4' })
    const failedJob = (await versionRow(versionId)).processingJobId
    expect(await retryVersionProcessing({ actor: team.editor, projectId, versionId })).toMatchObject({ state: 'pending' })
    expect((await versionRow(versionId)).processingJobId).not.toBe(failedJob)
    // A second click while it runs starts nothing new.
    expect(await outcome(() => retryVersionProcessing({ actor: team.editor, projectId, versionId }))).toBe('CONFLICT')
    await expect.poll(() => processingOf(versionId), { timeout: 30_000, interval: 200 }).toMatchObject({ state: 'ready' })
    expect(await outcome(() => retryVersionProcessing({ actor: team.owner, projectId, versionId }))).toBe('CONFLICT')
  })

  it('a cancelled job shows as failed and can be retried', async () => {
    await stopWorkers()
    const { versionId } = await uploadedVersion(clipPath)
    await cancelJob((await versionRow(versionId)).processingJobId!)
    expect(await processingOf(versionId)).toEqual({ state: 'failed', progress: 0, message: 'Processing was cancelled.' })
    await retryVersionProcessing({ actor: team.owner, projectId, versionId })
    startWorkers()
    await expect.poll(() => processingOf(versionId), { timeout: 30_000, interval: 200 }).toMatchObject({ state: 'ready' })
  })

  it('versions of another project are not found', async () => {
    const other = (await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'Other', frameRate: '25', resolution: '1920x1080' })).projectId
    const { versionId } = await uploadedVersion(clipPath)
    expect(await outcome(() => getVersionProcessing({ actor: team.owner, projectId: other, versionId }))).toBe('NOT_FOUND')
    expect(await outcome(() => retryVersionProcessing({ actor: team.owner, projectId: other, versionId }))).toBe('NOT_FOUND')
  })
})

describe('which failures are final', () => {
  const retryLimit = 1
  it.each([
    ['the file’s fault, first attempt', new AppError('BAD_REQUEST', { userMessage: 'Not a video.' }), 1, true],
    ['a cancel, first attempt', new JobInterruptedError('cancelled'), 1, true],
    ['a crash, first attempt (a retry follows)', new Error('ENOSPC'), 1, false],
    ['a worker stopping, first attempt (a retry follows)', new JobInterruptedError('stopped'), 1, false],
    ['a crash on the last attempt', new Error('ENOSPC'), 2, true],
  ] as const)('%s', (_name, error, attempt, final) => {
    expect(isFinalFailure(error, { attempt }, retryLimit)).toBe(final)
  })
})
