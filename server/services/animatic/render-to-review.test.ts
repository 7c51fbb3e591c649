import { execFile } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { promisify } from 'node:util'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assets, reviewItems, reviewVersions } from '@/db/schema'
import type { PanelPatch } from '@/lib/board'
import { panelAtFrame } from '@/lib/review/panel-map'
import { cancelAnimaticRenderAction } from '@/server/actions/animatic/cancel-animatic-render'
import { getAnimaticRenderAction } from '@/server/actions/animatic/get-animatic-render'
import { requestAnimaticRenderAction } from '@/server/actions/animatic/request-animatic-render'
import { createCommentAction } from '@/server/actions/review/create-comment'
import { resolveCommentAction } from '@/server/actions/review/resolve-comment'
import { runAsActor } from '@/server/auth/actor-context'
import type { Actor } from '@/server/auth/require-role'
import { openTestQueue } from '@/server/jobs/testing/test-queue'
import { resolveFfprobe } from '@/server/media/ffmpeg'
import { tempFolder } from '@/server/media/ffmpeg/testing/clips'
import { inspectRender, solidPng } from '@/server/media/animatic/testing/inspect-render'
import { makeClip } from '@/server/media/ffmpeg/testing/clips'
import { topLevelBoxes } from '@/server/media/transcode/testing/inspect-output'
import { POST as uploadAudio } from '@/app/api/projects/[projectId]/audio/route'
import { assetStorageKey } from '@/server/media/storage/storage-key'
import { useTemporaryMediaStorage } from '@/server/services/assets/testing'
import { changeBoard } from '@/server/services/boards/change-board'
import { recordProvenance } from '@/server/services/provenance/record-provenance'
import { createProject } from '@/server/services/projects/create-project'
import { seedTeam, seedUser } from '@/server/services/testing/fixtures'
import { getReviewRoom } from '@/server/services/review/get-review-room'
import { listPanelComments } from './list-panel-comments'
import { createRenderAnimaticReviewJob } from './render-animatic-review-job'
import { sidecarStorageKey } from './store-disclosure-sidecar'

// "Render animatic" end to end on a real queue, renderer, database and media folder, through the actions the page
// calls: the render becomes a version of the project's Animatic item that knows where each panel sits, a note's
// frame names its panel, and the board's badges count the open notes of the latest render.

let env: Awaited<ReturnType<typeof openTestQueue>>
let media: Awaited<ReturnType<typeof useTemporaryMediaStorage>>
let folder: Awaited<ReturnType<typeof tempFolder>>
let team: Awaited<ReturnType<typeof seedTeam>>
let workers: { stop: () => Promise<void> }

beforeAll(async () => {
  env = await openTestQueue()
  media = await useTemporaryMediaStorage()
  folder = await tempFolder()
  const workRoot = path.join(folder.dir, 'work')
  await fsp.mkdir(workRoot)
  team = await seedTeam('Animatic review')
  // The app's own job name, so the action's enqueue reaches these workers; the smallest settings the renderer has.
  workers = env.queue.startWorkers({ jobs: [createRenderAnimaticReviewJob({ retryLimit: 0, tempRoot: workRoot, encoder: { preset: 'ultrafast' } })] })
})
afterAll(async () => {
  await workers.stop()
  await env.close()
  await media.cleanup()
  await folder.cleanup()
})

async function newProject(name: string): Promise<string> {
  return (await createProject({ actor: team.owner, workspaceId: team.workspaceId, name, frameRate: '24', resolution: '1280x720' })).projectId
}

async function storeImage(projectId: string, colour: string): Promise<string> {
  const id = crypto.randomUUID()
  const storageKey = assetStorageKey({ projectId, assetId: id, name: 'panel.png' })
  const { size } = await media.storage.put(storageKey, solidPng(colour), { contentType: 'image/png' })
  await env.handle.db.insert(assets).values({
    id, workspaceId: team.workspaceId, projectId, kind: 'image', storageKey, originalName: 'panel.png', mime: 'image/png', bytes: size, sha256: '0'.repeat(64), createdBy: team.editor.userId,
  })
  return id
}

/** Scene 1 with shot 1A holding the first panels and shot 1B the last, so labels differ by shot. */
async function writeBoard(projectId: string, first: PanelPatch[], second: PanelPatch[]): Promise<string[]> {
  const { result } = await changeBoard({
    actor: team.owner,
    projectId,
    change: (board) => {
      const sceneId = board.insertScene()
      const shotA = board.insertShot({ sceneId })
      const shotB = board.insertShot({ sceneId })
      return [...first.map((fields) => board.insertPanel({ shotId: shotA }, fields)), ...second.map((fields) => board.insertPanel({ shotId: shotB }, fields))]
    },
  })
  return result
}

async function as<T>(actor: Actor | null, call: () => Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const result = await runAsActor(actor, call)
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.data
}

const options = { resolution: '720p', captions: true, overlays: true, audioAssetId: null } as const

async function renderToEnd(projectId: string, audioAssetId: string | null = null) {
  const { jobId } = await as(team.editor, () => requestAnimaticRenderAction({ projectId, ...options, audioAssetId }))
  const seen: number[] = []
  await expect
    .poll(
      async () => {
        const status = await as(team.editor, () => getAnimaticRenderAction({ projectId, jobId }))
        seen.push(status.progress)
        return status.state
      },
      { timeout: 60_000, interval: 100 },
    )
    .toBe('completed')
  return { jobId, seen, status: await as(team.editor, () => getAnimaticRenderAction({ projectId, jobId })) }
}

describe('rendering the board into review', () => {
  it('adds each render as the next version of the Animatic item, with its panel map, and maps notes back to panels', async () => {
    const projectId = await newProject('Lighthouse')
    const red = await storeImage(projectId, '#ff0000')
    const ids = await writeBoard(projectId, [{ durationFrames: 12, imageAssetId: red }, { durationFrames: 6 }], [{ durationFrames: 18, transitionIn: { kind: 'dissolve', durationFrames: 4 } }])

    const first = await renderToEnd(projectId)
    expect(first.status).toMatchObject({ state: 'completed', progress: 1, error: null, version: { number: 1 } })
    const { reviewItemId, versionId } = first.status.version!
    const [item] = await env.handle.db.select().from(reviewItems).where(eq(reviewItems.id, reviewItemId))
    expect(item).toMatchObject({ projectId, title: 'Animatic', kind: 'animatic', createdBy: team.editor.userId })
    const [version] = await env.handle.db.select().from(reviewVersions).where(eq(reviewVersions.id, versionId))
    expect(version).toMatchObject({ source: 'animatic', number: 1, frameCount: 36, width: 1280, height: 720, createdBy: team.editor.userId })
    // Its processing (proxy, poster, filmstrip) was queued like an upload's.
    expect(version!.processingJobId).toEqual(expect.any(String))
    expect(version!.panelMap).toEqual([
      { panelId: ids[0], label: 'Scene 1 · Shot 1A · panel 1', frameIn: 0, frameOut: 12 },
      { panelId: ids[1], label: 'Scene 1 · Shot 1A · panel 2', frameIn: 12, frameOut: 18 },
      { panelId: ids[2], label: 'Scene 1 · Shot 1B · panel 1', frameIn: 18, frameOut: 36 },
    ])

    // The review room gets the map with the version, so its comment rows can name panels.
    const room = await getReviewRoom({ actor: team.commenter, projectId, reviewItemId })
    expect(room.versions.map((view) => view.panelMap)).toEqual([version!.panelMap])
    // A client's note at a frame inside the third panel (the dissolve into it included) names that panel.
    const { commentId } = await as(team.commenter, () => createCommentAction({ projectId, versionId, frameIn: 20, body: 'Hold the lighthouse longer' }))
    expect(panelAtFrame(version!.panelMap, 20)?.label).toBe('Scene 1 · Shot 1B · panel 1')
    const resolved = await as(team.commenter, () => createCommentAction({ projectId, versionId, frameIn: 30, body: 'Already fixed' }))
    await as(team.editor, () => resolveCommentAction({ projectId, commentId: resolved.commentId }))
    await as(team.commenter, () => createCommentAction({ projectId, versionId, frameIn: 3, body: 'Red is loud' }))
    const badges = await listPanelComments({ actor: team.viewer, projectId })
    expect(badges).toEqual({
      reviewItemId,
      versionNumber: 1,
      byPanel: { [ids[0]!]: { open: 1, firstCommentId: expect.any(String) }, [ids[2]!]: { open: 1, firstCommentId: commentId } },
    })

    // The next render is v2 of the same item, and the badges follow it (its notes, none yet).
    const second = await renderToEnd(projectId)
    expect(second.status.version).toMatchObject({ reviewItemId, number: 2 })
    expect(await listPanelComments({ actor: team.viewer, projectId })).toEqual({ reviewItemId, versionNumber: 2, byPanel: {} })
  })

  it('has no badges before anything was rendered, and hides them from outsiders', async () => {
    const projectId = await newProject('Nothing yet')
    expect(await listPanelComments({ actor: team.viewer, projectId })).toBeNull()
    await expect(listPanelComments({ actor: await seedUser('Outsider'), projectId })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('shows why a render failed and adds no version', async () => {
    const projectId = await newProject('Empty board')
    await writeBoard(projectId, [{ durationFrames: 0 }], [])
    const { jobId } = await as(team.editor, () => requestAnimaticRenderAction({ projectId, ...options }))
    await expect.poll(async () => (await as(team.editor, () => getAnimaticRenderAction({ projectId, jobId }))).state, { timeout: 30_000 }).toBe('failed')
    expect(await as(team.editor, () => getAnimaticRenderAction({ projectId, jobId }))).toMatchObject({
      error: 'There is nothing to render yet: give at least one panel a duration on the board.',
      version: null,
    })
    expect(await env.handle.db.select().from(reviewItems).where(eq(reviewItems.projectId, projectId))).toEqual([])
  })

  it('refuses a sound track that is not audio, before queueing anything', async () => {
    const projectId = await newProject('Wrong sound')
    const image = await storeImage(projectId, '#00ff00')
    const result = await runAsActor(team.editor, () => requestAnimaticRenderAction({ projectId, ...options, audioAssetId: image }))
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: 'The animatic’s sound must be an audio file.' } })
  })

  it('plays an uploaded music track under the render, cut to the picture, in a faststart MP4', async () => {
    const projectId = await newProject('Scored')
    await writeBoard(projectId, [{ durationFrames: 24 }], [{ durationFrames: 12 }])
    // Uploaded the way the render card does it: the raw file to the audio route, declared as the team's own music.
    const wav = await fsp.readFile(await makeClip(path.join(folder.dir, 'theme.wav'), { video: null, audio: 'sine=f=330:d=4', codecArgs: [] }))
    const request = new Request(`http://storyreel.test/api/projects/${projectId}/audio`, {
      method: 'POST', body: wav, headers: { 'x-filename': 'theme.wav', 'x-storyreel-category': 'music', 'x-storyreel-origin': 'human' },
    })
    const response = await runAsActor(team.editor, () => uploadAudio(request, { params: Promise.resolve({ projectId }) }))
    expect(response.status).toBe(201)
    const track = (await response.json()) as { id: string; durationFrames: number }
    expect(track.durationFrames).toBe(96)

    const { status } = await renderToEnd(projectId, track.id)
    const { video } = await renderedTags(projectId, status.version!.versionId)
    const file = path.join(folder.dir, `${video!.id}.mp4`)
    const streams = await inspectRender(file)
    expect(streams.video.frames).toBe(36)
    // The four-second track is cut to the 1.5 s picture.
    expect(streams.audio?.codec).toBe('aac')
    expect(Math.abs(streams.audio!.duration - 1.5)).toBeLessThan(0.05)
    // +faststart: the index (moov) sits before the media data, so review can start playing before the download ends.
    const boxes = await topLevelBoxes(file, 10)
    expect(boxes.indexOf('moov')).toBeGreaterThan(-1)
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'))
  })

  it('runs one render per project at a time, and a cancel stops it without a version', async () => {
    const projectId = await newProject('Long take')
    // Two minutes of 720p picture: long enough to cancel part way on any machine.
    await writeBoard(projectId, [{ durationFrames: 1440, cameraMove: { kind: 'pan' } }], [{ durationFrames: 1440, cameraMove: { kind: 'push' } }])
    const { jobId } = await as(team.editor, () => requestAnimaticRenderAction({ projectId, ...options }))
    const again = await as(team.owner, () => requestAnimaticRenderAction({ projectId, ...options, resolution: '1080p' }))
    expect(again.jobId).toBe(jobId)
    await expect.poll(async () => (await as(team.editor, () => getAnimaticRenderAction({ projectId, jobId }))).progress, { timeout: 30_000, interval: 50 }).toBeGreaterThan(0.03)
    await as(team.editor, () => cancelAnimaticRenderAction({ projectId, jobId }))
    await expect.poll(async () => (await as(team.editor, () => getAnimaticRenderAction({ projectId, jobId }))).state, { timeout: 20_000 }).toBe('cancelled')
    expect(await env.handle.db.select().from(reviewItems).where(eq(reviewItems.projectId, projectId))).toEqual([])
    expect(await env.handle.db.select().from(assets).where(and(eq(assets.projectId, projectId), eq(assets.kind, 'video')))).toEqual([])
  })

  it('writes the project’s AI disclosure into the MP4’s tags and a sidecar manifest beside it in storage', async () => {
    const projectId = await newProject('Disclosed')
    const generated = await storeImage(projectId, '#3366ff')
    await recordProvenance({
      projectId, assetId: generated, actorUserId: team.editor.userId,
      details: { origin: 'ai_generated', category: 'visuals', provider: 'offline', model: 'backdrop-1', prompt: 'blue hour', parameters: {} },
    })
    await writeBoard(projectId, [{ durationFrames: 12, imageAssetId: generated }, { durationFrames: 12 }], [])

    const { status } = await renderToEnd(projectId)
    const { video, tags } = await renderedTags(projectId, status.version!.versionId)
    // The tags describe this very render (half of its second is the generated panel), as the version it became.
    expect(tags.comment).toBe('AI disclosure: 1 of 2 panels contain AI-generated imagery. 0.5 s of 1 s in the latest animatic (Animatic v1) show AI-generated content. Models used: backdrop-1 (offline).')
    expect(tags.description).toContain('Disclosed — AI disclosure from the Storyreel provenance ledger')

    const sidecar = JSON.parse(await text((await media.storage.get(sidecarStorageKey(video!.storageKey))).stream))
    expect(sidecar).toMatchObject({
      manifest: 'storyreel.ai-disclosure.sidecar',
      version: 1,
      media: { fileName: 'animatic-720p.mp4', sha256: video!.sha256 },
      report: {
        project: { id: projectId, name: 'Disclosed' },
        summary: {
          panels: { total: 2, withAiImagery: 1 },
          animatic: { status: 'rendered', reviewItemId: status.version!.reviewItemId, versionNumber: 1, frames: 24, aiFrames: 12, timingFrom: 'render' },
        },
      },
    })
    expect(video!.sha256).toMatch(/^[0-9a-f]{64}$/)

    // The next render is v2 and says so in its own tags.
    const next = await renderToEnd(projectId)
    expect((await renderedTags(projectId, next.status.version!.versionId)).tags.comment).toContain('0.5 s of 1 s in the latest animatic (Animatic v2)')
  })
})

/** The version's MP4 out of media storage, and the container tags ffprobe reads from it. */
async function renderedTags(projectId: string, versionId: string) {
  const [version] = await env.handle.db.select().from(reviewVersions).where(eq(reviewVersions.id, versionId))
  const [video] = await env.handle.db.select().from(assets).where(and(eq(assets.id, version!.assetId), eq(assets.projectId, projectId)))
  const file = path.join(folder.dir, `${video!.id}.mp4`)
  await pipeline((await media.storage.get(video!.storageKey)).stream, createWriteStream(file))
  const { stdout } = await promisify(execFile)(resolveFfprobe().path, ['-v', 'error', '-print_format', 'json', '-show_entries', 'format_tags', file])
  return { video, tags: (JSON.parse(stdout) as { format: { tags: Record<string, string> } }).format.tags }
}

async function text(stream: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = []
  for await (const chunk of stream) chunks.push(chunk)
  return Buffer.concat(chunks).toString('utf8')
}
