import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assets, provenance } from '@/db/schema'
import type { PanelPatch } from '@/lib/board'
import { cancelJob, enqueueJob, getJobStatus } from '@/server/jobs/queue'
import { openTestQueue, uniqueJobName } from '@/server/jobs/testing/test-queue'
import { makeClip, tempFolder } from '@/server/media/ffmpeg/testing/clips'
import { assetStorageKey } from '@/server/media/storage/storage-key'
import { filesUnder, useTemporaryMediaStorage } from '@/server/services/assets/testing'
import { changeBoard } from '@/server/services/boards/change-board'
import { createProject } from '@/server/services/projects/create-project'
import { recordProvenance } from '@/server/services/provenance/record-provenance'
import { seedTeam } from '@/server/services/testing/fixtures'
import { createRenderAnimaticJob, type RenderAnimaticInput, type RenderedAnimatic } from './render-animatic-job'
import { expectColourNear, inspectRender, pixelAt, solidPng } from './testing/inspect-render'

// The render-animatic job on a real queue, database, board and media folder: the board's panels in, one video asset
// out with the panels' places in it; a requester without edit rights, a hook that fails and a cancel leave nothing.

let env: Awaited<ReturnType<typeof openTestQueue>>
let media: Awaited<ReturnType<typeof useTemporaryMediaStorage>>
let folder: Awaited<ReturnType<typeof tempFolder>>
let team: Awaited<ReturnType<typeof seedTeam>>
let workRoot: string

beforeAll(async () => {
  env = await openTestQueue()
  media = await useTemporaryMediaStorage()
  folder = await tempFolder()
  workRoot = path.join(folder.dir, 'work')
  await fsp.mkdir(workRoot)
  team = await seedTeam('Animatic')
})
afterAll(async () => {
  await env.close()
  await media.cleanup()
  await folder.cleanup()
})

async function newProject(name: string): Promise<string> {
  return (await createProject({ actor: team.owner, workspaceId: team.workspaceId, name, frameRate: '24', resolution: '1280x720' })).projectId
}

async function storeAsset(projectId: string, kind: 'image' | 'audio', bytes: Uint8Array, name: string, mime: string): Promise<string> {
  const id = crypto.randomUUID()
  const storageKey = assetStorageKey({ projectId, assetId: id, name })
  const { size } = await media.storage.put(storageKey, bytes, { contentType: mime })
  await env.handle.db.insert(assets).values({
    id, workspaceId: team.workspaceId, projectId, kind, storageKey, originalName: name, mime, bytes: size, sha256: '0'.repeat(64), createdBy: team.editor.userId,
  })
  return id
}

/** One scene, one shot, these panels in order. */
async function writeBoard(projectId: string, panels: PanelPatch[]): Promise<string[]> {
  const { result } = await changeBoard({
    actor: team.owner,
    projectId,
    change: (board) => {
      const sceneId = board.insertScene()
      const shotId = board.insertShot({ sceneId })
      return panels.map((fields) => board.insertPanel({ shotId }, fields))
    },
  })
  return result
}

const ledger = (projectId: string, assetId: string) =>
  env.handle.db.select().from(provenance).where(and(eq(provenance.projectId, projectId), eq(provenance.assetId, assetId)))
const videoAssets = (projectId: string) => env.handle.db.select().from(assets).where(and(eq(assets.projectId, projectId), eq(assets.kind, 'video')))
const input = (projectId: string, requestedBy = team.editor.userId, audioAssetId: string | null = null): RenderAnimaticInput => ({
  projectId, requestedBy, resolution: '720p', options: { captions: true, labels: true, timecode: true, audioAssetId },
})
const running = (label: string, options: Parameters<typeof createRenderAnimaticJob>[0] = {}) =>
  createRenderAnimaticJob({ name: uniqueJobName(label), retryLimit: 0, tempRoot: workRoot, encoder: { preset: 'ultrafast' }, ...options })

async function runToEnd(job: ReturnType<typeof running>, jobInput: RenderAnimaticInput, state: 'completed' | 'failed') {
  const workers = env.queue.startWorkers({ jobs: [job] })
  try {
    const jobId = await enqueueJob(job, jobInput)
    await expect.poll(() => getJobStatus(jobId), { timeout: 40_000 }).toMatchObject({ state })
    return getJobStatus(jobId)
  } finally {
    await workers.stop()
  }
}

describe('the render-animatic job', () => {
  it('renders the board with its audio into a video asset and hands over where each panel sits', async () => {
    const projectId = await newProject('Night bus')
    const red = await storeAsset(projectId, 'image', solidPng('#ff0000'), 'red.png', 'image/png')
    const blue = await storeAsset(projectId, 'image', solidPng('#0000ff'), 'blue.png', 'image/png')
    const wav = await makeClip(path.join(folder.dir, 'score.wav'), { video: null, audio: 'sine=f=330:d=1', codecArgs: [] })
    const score = await storeAsset(projectId, 'audio', await fsp.readFile(wav), 'score.wav', 'audio/wav')
    const ids = await writeBoard(projectId, [
      { durationFrames: 24, imageAssetId: red, dialogue: 'Last stop.' },
      { durationFrames: 24, imageAssetId: blue, transitionIn: { kind: 'dissolve', durationFrames: 9 }, cameraMove: { kind: 'zoom-in' } },
      { durationFrames: 0, imageAssetId: red },
      { durationFrames: 12 },
    ])
    const results: RenderedAnimatic[] = []
    const status = await runToEnd(running('render', { onRendered: async (result) => void results.push(result) }), input(projectId, team.editor.userId, score), 'completed')
    expect(status).toMatchObject({ progress: 1, label: 'Ready' })

    const [result] = results
    expect(result).toMatchObject({ projectId, requestedBy: team.editor.userId, width: 1280, height: 720, totalFrames: 60 })
    expect(result!.panels).toEqual([
      { id: ids[0], startFrame: 0, endFrame: 24, label: 'Scene 1 · Shot 1A · panel 1' },
      { id: ids[1], startFrame: 24, endFrame: 48, label: 'Scene 1 · Shot 1A · panel 2' },
      { id: ids[3], startFrame: 48, endFrame: 60, label: 'Scene 1 · Shot 1A · panel 4' },
    ])
    expect(result!.warnings).toEqual(['Scene 1 · Shot 1A · panel 3 has no duration, so it was left out of the animatic.'])

    const [row] = await videoAssets(projectId)
    expect(row).toMatchObject({ id: result!.assetId, kind: 'video', mime: 'video/mp4', width: 1280, height: 720, durationFrames: 60, createdBy: team.editor.userId, workspaceId: team.workspaceId, originalName: 'animatic-720p.mp4' })
    const copy = path.join(folder.dir, 'stored.mp4')
    await pipeline((await media.storage.get(row!.storageKey)).stream, fs.createWriteStream(copy))
    expect(row!.bytes).toBe((await fsp.stat(copy)).size)
    const streams = await inspectRender(copy)
    expect(streams.video).toMatchObject({ codec: 'h264', pixFmt: 'yuv420p', width: 1280, height: 720, rate: '24/1', frames: 60 })
    expect(streams.audio?.codec).toBe('aac')
    expect(Math.abs(streams.audio!.duration - 2.5)).toBeLessThan(0.05)
    // The dissolve covers frames 24–32; frame 28 is half red, half blue (the centre of a zoom stays the centre).
    expectColourNear(await pixelAt(copy, 28, 640, 360), [128, 0, 128], 14)
    expect(await fsp.readdir(workRoot)).toEqual([])
    // The render is in the ledger as a person's work, made from the two pictures it shows.
    const rows = await ledger(projectId, result!.assetId)
    expect(rows.map((entry) => [entry.origin, entry.category, entry.provider, entry.actorUserId, entry.parentAssetIds])).toEqual([['human', 'visuals', null, team.editor.userId, [red, blue]]])
  })

  it('records a stills render of a generated picture as AI-assisted, with the missing picture left out of its parents', async () => {
    const projectId = await newProject('Generated sky')
    const sky = await storeAsset(projectId, 'image', solidPng('#3366ff'), 'sky.png', 'image/png')
    await recordProvenance({ projectId, assetId: sky, actorUserId: team.editor.userId, details: { origin: 'ai_generated', category: 'visuals', provider: 'offline', model: 'backdrop-1' } })
    const drawn = await storeAsset(projectId, 'image', solidPng('#ffffff'), 'drawn.png', 'image/png')
    // A picture whose asset is gone renders as a slate and is not a parent of the render.
    await writeBoard(projectId, [{ durationFrames: 6, imageAssetId: drawn }, { durationFrames: 6, imageAssetId: sky }, { durationFrames: 6, imageAssetId: crypto.randomUUID() }])
    const results: RenderedAnimatic[] = []
    await runToEnd(running('render-ai-parent', { onRendered: async (result) => void results.push(result) }), input(projectId), 'completed')
    const rows = await ledger(projectId, results[0]!.assetId)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ origin: 'ai_assisted', category: 'visuals', provider: null, parentAssetIds: [drawn, sky], parameters: { mode: 'stills-animatic', pictures: 2 } })
  })

  it('refuses a requester who cannot edit the project, and stores nothing', async () => {
    const projectId = await newProject('Viewer tries')
    await writeBoard(projectId, [{ durationFrames: 12 }])
    const status = await runToEnd(running('render-viewer'), input(projectId, team.viewer.userId), 'failed')
    expect(status.error).toBe('This needs editor access; you are a viewer here.')
    expect(await videoAssets(projectId)).toEqual([])
  })

  it('fails clearly on a board with nothing to render', async () => {
    const projectId = await newProject('Empty')
    await writeBoard(projectId, [{ durationFrames: 0 }])
    const status = await runToEnd(running('render-empty'), input(projectId), 'failed')
    expect(status.error).toBe('There is nothing to render yet: give at least one panel a duration on the board.')
  })

  it('takes the asset back when the hook after it fails', async () => {
    const projectId = await newProject('Late failure')
    await writeBoard(projectId, [{ durationFrames: 12 }])
    const filesBefore = await filesUnder(media.root)
    let called = false
    const job = running('render-hook', {
      onRendered: async () => {
        called = true
        throw new Error('the review item was deleted meanwhile')
      },
    })
    await runToEnd(job, input(projectId), 'failed')
    expect(called).toBe(true)
    expect(await videoAssets(projectId)).toEqual([])
    // Nor a ledger row for a render that is gone.
    expect(await env.handle.db.select().from(provenance).where(eq(provenance.projectId, projectId))).toEqual([])
    expect(await filesUnder(media.root)).toEqual(filesBefore)
  })

  it('stops ffmpeg when cancelled mid-render and leaves nothing behind', async () => {
    const projectId = await newProject('Cancelled')
    // Two minutes of moving 720p picture: long enough to cancel part way on any machine.
    await writeBoard(projectId, [{ durationFrames: 1440, cameraMove: { kind: 'pan' } }, { durationFrames: 1440, cameraMove: { kind: 'push' }, transitionIn: { kind: 'dissolve', durationFrames: 24 } }])
    const filesBefore = await filesUnder(media.root)
    const job = running('render-cancel')
    const workers = env.queue.startWorkers({ jobs: [job] })
    try {
      const jobId = await enqueueJob(job, input(projectId))
      await expect.poll(async () => (await getJobStatus(jobId)).progress, { timeout: 20_000, interval: 20 }).toBeGreaterThan(0.05)
      expect((await getJobStatus(jobId)).label).toMatch(/^Rendering frame \d+ of 2880$/)
      await cancelJob(jobId)
      await expect.poll(() => getJobStatus(jobId)).toMatchObject({ state: 'cancelled' })
    } finally {
      await workers.stop()
    }
    expect(processesMentioning(workRoot)).toEqual([])
    expect(await fsp.readdir(workRoot)).toEqual([])
    expect(await videoAssets(projectId)).toEqual([])
    expect(await filesUnder(media.root)).toEqual(filesBefore)
  })
})

/** Processes with a path under folder on their command line (Linux). */
function processesMentioning(folder: string): string[] {
  if (process.platform !== 'linux') return []
  return fs.readdirSync('/proc').filter((pid) => {
    try {
      return /^\d+$/.test(pid) && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(folder)
    } catch {
      return false
    }
  })
}
