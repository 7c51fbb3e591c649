// The audio upload route: an editor's music or scratch voice is vetted, stored with its duration and recorded in the
// ledger as the uploader declared it; anything that is not sound is refused with nothing stored. Called the way
// Next.js calls the handler, with the actor set by runAsActor.
import fs from 'node:fs/promises'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST } from '@/app/api/projects/[projectId]/audio/route'
import { getDb } from '@/db'
import type { DatabaseHandle } from '@/db/client'
import { assets } from '@/db/schema'
import { openTestDatabase } from '@/db/test-database'
import type { Actor } from '@/server/auth/require-role'
import { runAsActor } from '@/server/auth/actor-context'
import { makeClip, tempFolder } from '@/server/media/ffmpeg/testing/clips'
import { createProject } from '@/server/services/projects/create-project'
import { listProjectProvenance } from '@/server/services/provenance/list-project-provenance'
import { seedTeam } from '@/server/services/testing/fixtures'
import { listProjectAudio } from './list-project-audio'
import { filesUnder, useTemporaryMediaStorage } from './testing'

function upload(actor: Actor, projectId: string, body: string | Uint8Array, headers: Record<string, string>) {
  // Bytes are copied onto their own ArrayBuffer: TypeScript's BodyInit takes Uint8Array<ArrayBuffer>, not a Buffer.
  const request = new Request(`http://storyreel.test/api/projects/${projectId}/audio`, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { 'content-type': 'application/octet-stream', ...headers } })
  return runAsActor(actor, () => POST(request, { params: Promise.resolve({ projectId }) }))
}

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error

describe('POST /api/projects/:projectId/audio', () => {
  let handle: DatabaseHandle
  let media: Awaited<ReturnType<typeof useTemporaryMediaStorage>>
  let folder: Awaited<ReturnType<typeof tempFolder>>
  let team: Awaited<ReturnType<typeof seedTeam>>
  let projectId: string
  let wav: Buffer
  beforeAll(async () => {
    handle = await openTestDatabase()
    media = await useTemporaryMediaStorage()
    folder = await tempFolder()
    team = await seedTeam('Audio')
    projectId = (await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'Score', frameRate: '24', resolution: '1920x1080' })).projectId
    wav = await fs.readFile(await makeClip(path.join(folder.dir, 'score.wav'), { video: null, audio: 'sine=f=330:d=2', codecArgs: [] }))
  })
  afterAll(async () => {
    await handle.close()
    await media.cleanup()
    await folder.cleanup()
  })

  it('stores an editor’s music with its duration in frames and a ledger row, and lists it', async () => {
    const response = await upload(team.editor, projectId, wav, { 'x-filename': encodeURIComponent('Main títle.wav'), 'x-storyreel-category': 'music', 'x-storyreel-origin': 'human' })
    expect(response.status).toBe(201)
    const track = (await response.json()) as { id: string; mime: string; durationFrames: number; originalName: string }
    expect(track).toMatchObject({ mime: 'audio/wav', durationFrames: 48, originalName: 'Main títle.wav' })
    const db = await getDb()
    const [row] = await db.select().from(assets).where(eq(assets.id, track.id))
    expect(row).toMatchObject({ kind: 'audio', durationFrames: 48, bytes: wav.length, createdBy: team.editor.userId })
    expect(row!.storageKey).toMatch(new RegExp(`^projects/${projectId}/${track.id}/`))
    const ledger = (await listProjectProvenance({ actor: team.viewer, projectId })).filter((entry) => entry.assetId === track.id)
    expect(ledger.map((entry) => [entry.origin, entry.category, entry.provider, entry.actorUserId])).toEqual([['human', 'music', null, team.editor.userId]])
    const listed = await listProjectAudio({ actor: team.viewer, projectId })
    expect(listed.find((entry) => entry.id === track.id)).toMatchObject({ name: 'Main títle.wav', durationSeconds: 2, category: 'music', origin: 'human' })
  })

  it('records a scratch voice declared AI-generated with the model that made it', async () => {
    const m4a = await fs.readFile(await makeClip(path.join(folder.dir, 'voice.m4a'), { video: null, audio: 'sine=f=200:d=1', codecArgs: ['-c:a', 'aac'] }))
    const response = await upload(team.owner, projectId, m4a, {
      'x-filename': 'temp-vo.m4a', 'x-storyreel-category': 'voice_audio', 'x-storyreel-origin': 'ai_generated', 'x-storyreel-ai-provider': 'elevenlabs', 'x-storyreel-ai-model': 'eleven_multilingual_v2',
    })
    expect(response.status).toBe(201)
    const { id } = (await response.json()) as { id: string }
    const [entry] = (await listProjectProvenance({ actor: team.owner, projectId })).filter((row) => row.assetId === id)
    expect(entry).toMatchObject({ origin: 'ai_generated', category: 'voice_audio', provider: 'elevenlabs', model: 'eleven_multilingual_v2' })
  })

  it('refuses an AI-generated declaration without its model, before reading the file', async () => {
    const response = await upload(team.editor, projectId, wav, { 'x-storyreel-category': 'music', 'x-storyreel-origin': 'ai_generated', 'x-storyreel-ai-provider': 'suno' })
    expect(response.status).toBe(400)
    expect((await errorOf(response)).message).toBe('Name the AI service and model that generated this sound.')
  })

  it('refuses a file that is not sound, and stores nothing', async () => {
    const before = await filesUnder(media.root)
    const db = await getDb()
    const countAudio = async () => (await db.select({ id: assets.id }).from(assets).where(eq(assets.projectId, projectId))).length
    const assetsBefore = await countAudio()
    const video = await fs.readFile(await makeClip(path.join(folder.dir, 'picture.mp4')))
    const cases: [string | Uint8Array, number, RegExp][] = [
      ['<!doctype html><title>404</title>', 415, /^This file is not a sound file\./],
      [video, 415, /^This is a video, not a sound file/],
      [new Uint8Array(0), 400, /^The file is empty\.$/],
    ]
    for (const [body, status, message] of cases) {
      const response = await upload(team.editor, projectId, body, { 'x-filename': 'track.mp3', 'x-storyreel-category': 'music' })
      expect(response.status).toBe(status)
      expect((await errorOf(response)).message).toMatch(message)
    }
    expect(await filesUnder(media.root)).toEqual(before)
    expect(await countAudio()).toBe(assetsBefore)
  })

  it('refuses a file over MAX_AUDIO_BYTES with 413, also when it does not say its length', async () => {
    const saved = process.env.MAX_AUDIO_BYTES
    process.env.MAX_AUDIO_BYTES = '1024'
    try {
      const declared = await upload(team.editor, projectId, wav, { 'x-storyreel-category': 'music', 'content-length': String(wav.length) })
      expect(declared.status).toBe(413)
      expect((await errorOf(declared)).message).toBe('That sound file is too large: the limit is 1 KB.')
      const stream = new ReadableStream<Uint8Array>({ start: (controller) => (controller.enqueue(wav), controller.close()) })
      const request = new Request(`http://storyreel.test/api/projects/${projectId}/audio`, { method: 'POST', body: stream, duplex: 'half', headers: { 'x-storyreel-category': 'music' } } as RequestInit)
      const streamed = await runAsActor(team.editor, () => POST(request, { params: Promise.resolve({ projectId }) }))
      expect(streamed.status).toBe(413)
    } finally {
      if (saved === undefined) delete process.env.MAX_AUDIO_BYTES
      else process.env.MAX_AUDIO_BYTES = saved
    }
  })

  it('lets only editors and owners upload', async () => {
    const response = await upload(team.commenter, projectId, wav, { 'x-storyreel-category': 'music' })
    expect(response.status).toBe(403)
  })
})
