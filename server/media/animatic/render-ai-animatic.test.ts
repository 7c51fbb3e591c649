import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createCanvas } from '@napi-rs/canvas'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assets, provenance } from '@/db/schema'
import type { PanelPatch } from '@/lib/board'
import { aiConfigFromEnv } from '@/server/ai/ai-config'
import { generateVideoClip } from '@/server/ai/generate-video-clip'
import { openTestQueue } from '@/server/jobs/testing/test-queue'
import { tempFolder } from '@/server/media/ffmpeg/testing/clips'
import { assetStorageKey } from '@/server/media/storage/storage-key'
import { useTemporaryMediaStorage } from '@/server/services/assets/testing'
import { changeBoard } from '@/server/services/boards/change-board'
import { createProject } from '@/server/services/projects/create-project'
import { seedTeam } from '@/server/services/testing/fixtures'
import type { GeneratePanelClip } from './panel-motion'
import { runRenderAnimatic, type RenderAnimaticInput } from './render-animatic-job'
import { inspectRender, pixelAt, solidPng } from './testing/inspect-render'

// AI animatic mode end to end with the real offline video generator, real ffmpeg, database and media folder: the
// render keeps the plan's exact frame count, a panel with a picture moves within itself, a slate panel stays a slate,
// a clip that fails leaves that panel as its still with a warning, and the asset's ledger row says generated visuals
// made from the panel pictures.

let env: Awaited<ReturnType<typeof openTestQueue>>
let media: Awaited<ReturnType<typeof useTemporaryMediaStorage>>
let folder: Awaited<ReturnType<typeof tempFolder>>
let team: Awaited<ReturnType<typeof seedTeam>>

beforeAll(async () => {
  env = await openTestQueue()
  media = await useTemporaryMediaStorage()
  folder = await tempFolder()
  team = await seedTeam('AI animatic')
})
afterAll(async () => {
  await env.close()
  await media.cleanup()
  await folder.cleanup()
})

function checkerPng(): Uint8Array {
  // Detail everywhere, so the offline generator's push-in visibly moves pixels.
  const canvas = createCanvas(320, 180)
  const ctx = canvas.getContext('2d')
  for (let y = 0; y < 180; y += 10) for (let x = 0; x < 320; x += 10) {
    ctx.fillStyle = (x + y) % 20 ? '#1d4ed8' : '#fbbf24'
    ctx.fillRect(x, y, 10, 10)
  }
  return canvas.encodeSync('png')
}

async function storeImage(projectId: string, bytes: Uint8Array, name: string): Promise<string> {
  const id = crypto.randomUUID()
  const storageKey = assetStorageKey({ projectId, assetId: id, name })
  const { size } = await media.storage.put(storageKey, bytes, { contentType: 'image/png' })
  await env.handle.db.insert(assets).values({
    id, workspaceId: team.workspaceId, projectId, kind: 'image', storageKey, originalName: name, mime: 'image/png', bytes: size, sha256: '0'.repeat(64), createdBy: team.editor.userId,
  })
  return id
}

async function boardProject(name: string, panels: (ids: { red: string; checker: string }) => PanelPatch[]) {
  const projectId = (await createProject({ actor: team.owner, workspaceId: team.workspaceId, name, frameRate: '24', resolution: '1280x720' })).projectId
  const ids = { red: await storeImage(projectId, solidPng('#ff0000'), 'red.png'), checker: await storeImage(projectId, checkerPng(), 'checker.png') }
  await changeBoard({
    actor: team.owner,
    projectId,
    change: (board) => {
      const shotId = board.insertShot({ sceneId: board.insertScene() })
      for (const fields of panels(ids)) board.insertPanel({ shotId }, fields)
    },
  })
  return { projectId, ...ids }
}

const aiInput = (projectId: string): RenderAnimaticInput => ({
  projectId, requestedBy: team.editor.userId, resolution: '720p', options: { captions: false, labels: false, timecode: false, audioAssetId: null, mode: 'ai' },
})
const offline: GeneratePanelClip = (params) => generateVideoClip({ config: aiConfigFromEnv({}), ...params })

async function storedCopy(assetId: string, name: string) {
  const [row] = await env.handle.db.select().from(assets).where(eq(assets.id, assetId))
  const copy = path.join(folder.dir, name)
  await pipeline((await media.storage.get(row!.storageKey)).stream, fs.createWriteStream(copy))
  return copy
}

const ledger = (projectId: string, assetId: string) =>
  env.handle.db.select().from(provenance).where(and(eq(provenance.projectId, projectId), eq(provenance.assetId, assetId)))

describe.skipIf(process.env.STORYREEL_TEST_DB === 'postgres')('the animatic in AI mode', () => {
  it('moves each panel with a picture for exactly its frames, keeps the slate, and records generated visuals from the panel pictures', async () => {
    const { projectId, red, checker } = await boardProject('Moving board', (ids) => [
      { durationFrames: 8 },
      { durationFrames: 16, imageAssetId: ids.checker, transitionIn: { kind: 'dissolve', durationFrames: 4 } },
      { durationFrames: 8, imageAssetId: ids.red },
    ])
    const result = await runRenderAnimatic(aiInput(projectId), { tempRoot: folder.dir, encoder: { preset: 'ultrafast' }, generateClip: offline })
    expect(result.totalFrames).toBe(32)
    expect(result.warnings).toEqual([])
    const file = await storedCopy(result.assetId, 'moving.mp4')
    expect((await inspectRender(file)).video).toMatchObject({ width: 1280, height: 720, frames: 32 })
    // Panel 2 is frames 8–23: two frames of it, after its dissolve, differ at the same spot (the clip's push-in).
    const samples = [[100, 100], [640, 360], [1000, 600], [300, 500]] as const
    const at12 = await Promise.all(samples.map(([x, y]) => pixelAt(file, 12, x, y)))
    const at22 = await Promise.all(samples.map(([x, y]) => pixelAt(file, 22, x, y)))
    expect(at12).not.toEqual(at22)
    // Panel 1 has no picture: the dark slate, as in stills mode.
    const slate = await pixelAt(file, 2, 640, 80)
    expect(Math.max(...slate)).toBeLessThan(80)

    const rows = await ledger(projectId, result.assetId)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ origin: 'ai_generated', category: 'visuals', provider: 'offline', actorUserId: team.editor.userId })
    expect(rows[0]!.model).toBeTruthy()
    expect([...rows[0]!.parentAssetIds].sort()).toEqual([checker, red].sort())
  })

  it('falls back to the still, with a warning, for a panel whose clip fails, and never fails the render', async () => {
    const { projectId, red, checker } = await boardProject('Flaky provider', (ids) => [
      { durationFrames: 8, imageAssetId: ids.red },
      { durationFrames: 8, imageAssetId: ids.checker },
    ])
    let calls = 0
    const flaky: GeneratePanelClip = async (params) => {
      calls += 1
      if (calls === 1) throw new Error('provider is down')
      return offline(params)
    }
    const result = await runRenderAnimatic(aiInput(projectId), { tempRoot: folder.dir, encoder: { preset: 'ultrafast' }, generateClip: flaky })
    expect(result.totalFrames).toBe(16)
    expect(result.warnings).toEqual([expect.stringMatching(/motion of Scene 1 · Shot 1A · panel 1 could not be generated \(provider is down\).*still/)])
    const file = await storedCopy(result.assetId, 'flaky.mp4')
    expect((await inspectRender(file)).video.frames).toBe(16)
    // Panel 1 is its red still, unmoved.
    const first = await pixelAt(file, 0, 640, 360)
    expect(first[0]).toBeGreaterThan(200)
    expect(await pixelAt(file, 7, 640, 360)).toEqual(first)
    const rows = await ledger(projectId, result.assetId)
    expect(rows.map((row) => row.parentAssetIds)).toEqual([[checker]])
    expect(rows[0]!.parentAssetIds).not.toContain(red)
  })

  it('records the render as stills, not AI, when every clip fell back', async () => {
    const { projectId } = await boardProject('Provider down', (ids) => [{ durationFrames: 8, imageAssetId: ids.red }])
    const down: GeneratePanelClip = async () => {
      throw new Error('provider is down')
    }
    const result = await runRenderAnimatic(aiInput(projectId), { tempRoot: folder.dir, encoder: { preset: 'ultrafast' }, generateClip: down })
    expect(result.totalFrames).toBe(8)
    expect(result.warnings).toHaveLength(1)
    const rows = await ledger(projectId, result.assetId)
    expect(rows.map((row) => [row.origin, row.provider, row.parameters])).toEqual([['human', null, { mode: 'stills-animatic', pictures: 1, requestedMode: 'ai' }]])
  })
})
