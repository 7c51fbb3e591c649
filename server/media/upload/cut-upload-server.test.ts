import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { buffer } from 'node:stream/consumers'
import { eq } from 'drizzle-orm'
import { Upload, type DetailedError } from 'tus-js-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assets, memberships, reviewVersions } from '@/db/schema'
import type { Actor } from '@/server/auth/require-role'
import { getJobStatus } from '@/server/jobs/queue'
import { openTestQueue } from '@/server/jobs/testing/test-queue'
import { makeClip, makeGab2PlaylistAvi, tempFolder, truncateCopy } from '@/server/media/ffmpeg/testing/clips'
import { filesUnder, useTemporaryMediaStorage } from '@/server/services/assets/testing'
import { createProject } from '@/server/services/projects/create-project'
import { checkCutUpload } from '@/server/services/review/check-cut-upload'
import { createReviewItem } from '@/server/services/review/create-review-item'
import { finishCutUpload } from '@/server/services/review/finish-cut-upload'
import { addMember, seedTeam, seedUser } from '@/server/services/testing/fixtures'
import { createCutUploadServer, versionIdHeader, versionNumberHeader } from './cut-upload-server'
import { serveWebHandler } from './testing/serve-web-handler'

// The upload endpoint end to end: the real tus client (Node build) against the real handler on a loopback http
// server, a real database, job queue, media folder and ffprobe, and clips made with ffmpeg.

const maxBytes = 2 * 1024 * 1024
let env: Awaited<ReturnType<typeof openTestQueue>>
let media: Awaited<ReturnType<typeof useTemporaryMediaStorage>>
let folder: Awaited<ReturnType<typeof tempFolder>>
let http: Awaited<ReturnType<typeof serveWebHandler>>
let team: Awaited<ReturnType<typeof seedTeam>>
let stranger: Actor
let projectId: string
let reviewItemId: string
let otherReviewItemId: string
let clip: Buffer
let uploadsDir: string
/** ffprobe's time limit for the next finish; one test shortens it to see the refusal. */
let probeTimeoutMs: number | undefined

const people = new Map<string, Actor>()

beforeAll(async () => {
  env = await openTestQueue()
  media = await useTemporaryMediaStorage()
  folder = await tempFolder()
  uploadsDir = path.join(folder.dir, 'uploads')
  team = await seedTeam('Upload')
  stranger = await seedUser('Stranger')
  for (const person of [team.owner, team.editor, team.commenter, team.viewer, stranger]) people.set(person.userId, person)
  projectId = (await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'Cut', frameRate: '24', resolution: '1920x1080' })).projectId
  reviewItemId = (await createReviewItem({ actor: team.owner, projectId, title: 'Teaser', kind: 'cut' })).reviewItemId
  const otherProject = (await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'Other', frameRate: '24', resolution: '1920x1080' })).projectId
  otherReviewItemId = (await createReviewItem({ actor: team.owner, projectId: otherProject, title: 'Elsewhere', kind: 'cut' })).reviewItemId
  clip = await fs.readFile(await makeClip(path.join(folder.dir, 'cut.mp4'), { video: 'testsrc=s=64x48:r=24:d=2' }))

  const server = createCutUploadServer({
    path: '/api/uploads',
    directory: uploadsDir,
    maxBytes,
    // Stands in for the session cookie: the route handler reads the actor from next-auth instead.
    authenticate: async (request) => people.get(request.headers.get('x-test-user') ?? '') ?? null,
    authorize: async (actor, target) => void (await checkCutUpload({ actor, ...target })),
    finish: (actor, target, filePath) => finishCutUpload({ actor, ...target, filePath, probeTimeoutMs }),
  })
  http = await serveWebHandler((request) => server.handle(request))
})
afterAll(async () => {
  await http.close()
  await env.close()
  await media.cleanup()
  await folder.cleanup()
})

type Outcome = { ok: true; versionId: string | undefined; number: string | undefined; url: string | null } | { ok: false; status: number | undefined; code: string | undefined; message: string | undefined }

interface UploadOptions {
  as: Actor | null
  metadata?: Record<string, string>
  chunkSize?: number
  uploadUrl?: string
  /** Called after each chunk the server accepted; return true to stop there (as a closed tab would). */
  stopAfterChunk?: (accepted: number) => boolean
}

function tusUpload(bytes: Buffer, options: UploadOptions): { done: Promise<Outcome>; upload: Upload } {
  let upload!: Upload
  const done = new Promise<Outcome>((resolve) => {
    upload = new Upload(bytes, {
      endpoint: `${http.origin}/api/uploads`,
      uploadUrl: options.uploadUrl,
      metadata: options.metadata ?? { projectId, reviewItemId, filename: 'cut.mp4' },
      headers: options.as ? { 'x-test-user': options.as.userId } : {},
      chunkSize: options.chunkSize ?? Number.POSITIVE_INFINITY,
      retryDelays: null,
      onChunkComplete: (_size, accepted) => {
        if (options.stopAfterChunk?.(accepted)) {
          void upload.abort().then(() => resolve({ ok: false, status: undefined, code: 'STOPPED', message: undefined }))
        }
      },
      onSuccess: ({ lastResponse }) =>
        resolve({ ok: true, versionId: lastResponse.getHeader(versionIdHeader), number: lastResponse.getHeader(versionNumberHeader), url: upload.url }),
      onError: (error) => {
        const response = (error as DetailedError).originalResponse
        const body = response ? parseError(response.getBody()) : undefined
        resolve({ ok: false, status: response?.getStatus(), code: body?.code, message: body?.message })
      },
    })
    upload.start()
  })
  return { done, upload }
}

function parseError(body: string): { code: string; message: string } | undefined {
  try {
    return (JSON.parse(body) as { error: { code: string; message: string } }).error
  } catch {
    return undefined
  }
}

/** A raw tus request, for what the client library would never send. */
function tusRequest(method: string, url: string, as: Actor | null, headers: Record<string, string> = {}, body?: BodyInit): Promise<Response> {
  return fetch(url.startsWith('http') ? url : `${http.origin}${url}`, {
    method,
    headers: { 'Tus-Resumable': '1.0.0', ...(as ? { 'x-test-user': as.userId } : {}), ...headers },
    body,
  })
}

const partialFiles = () => filesUnder(path.join(uploadsDir, 'partial'))
const versionsOfItem = (id: string) => env.handle.db.select().from(reviewVersions).where(eq(reviewVersions.reviewItemId, id))
const projectAssets = () => env.handle.db.select().from(assets).where(eq(assets.projectId, projectId))

async function expectNothingWritten(before: { versions: number; assets: number; media: string[] }): Promise<void> {
  expect(await partialFiles()).toEqual([])
  expect((await versionsOfItem(reviewItemId)).length).toBe(before.versions)
  expect((await projectAssets()).length).toBe(before.assets)
  expect((await filesUnder(media.root)).filter((file) => !file.startsWith('.tmp'))).toEqual(before.media)
  expect(await filesUnder(path.join(media.root, '.tmp'))).toEqual([])
}

async function countsNow() {
  return {
    versions: (await versionsOfItem(reviewItemId)).length,
    assets: (await projectAssets()).length,
    media: (await filesUnder(media.root)).filter((file) => !file.startsWith('.tmp')),
  }
}

describe('uploading a cut', () => {
  it('an editor uploads a clip in chunks: it becomes the next version, kept whole in storage, with processing queued', async () => {
    const { done } = tusUpload(clip, { as: team.editor, chunkSize: 4096, metadata: { projectId, reviewItemId, filename: '../../etc/Fin\u202Eal cut ✂️.mp4' } })
    const outcome = await done
    expect(outcome).toMatchObject({ ok: true, number: '1', versionId: expect.any(String) })
    const versionId = (outcome as { versionId: string }).versionId

    const [version] = await env.handle.db.select().from(reviewVersions).where(eq(reviewVersions.id, versionId))
    expect(version).toMatchObject({ reviewItemId, number: 1, source: 'upload', processing: 'pending', createdBy: team.editor.userId, frameCount: 48 })
    const [asset] = await env.handle.db.select().from(assets).where(eq(assets.id, version!.assetId))
    expect(asset).toMatchObject({
      kind: 'video',
      mime: 'video/mp4',
      bytes: clip.length,
      sha256: createHash('sha256').update(clip).digest('hex'),
      width: 64,
      height: 48,
      durationFrames: 48,
      createdBy: team.editor.userId,
      // The name is a label, cleaned of its path and direction tricks; the key is ours.
      originalName: 'Final cut ✂️.mp4',
      storageKey: `projects/${projectId}/${version!.assetId}/original`,
    })
    const stored = await media.storage.get(asset!.storageKey)
    expect((await buffer(stored.stream)).equals(clip)).toBe(true)
    expect(await partialFiles()).toEqual([])
    expect(version!.processingJobId).toEqual(expect.any(String))
    expect((await getJobStatus(version!.processingJobId!)).state).toBe('queued')
  })

  it('a second upload to the item becomes v2', async () => {
    expect(await tusUpload(clip, { as: team.owner }).done).toMatchObject({ ok: true, number: '2' })
  })

  it('resumes after the connection is lost: only the rest is sent, and the result is one version', async () => {
    const before = (await versionsOfItem(reviewItemId)).length
    const first = tusUpload(clip, { as: team.editor, chunkSize: 8192, stopAfterChunk: (accepted) => accepted >= 8192 })
    expect(await first.done).toMatchObject({ ok: false, code: 'STOPPED' })
    const url = first.upload.url!
    const head = await tusRequest('HEAD', url, team.editor)
    expect(head.status).toBe(200)
    expect(head.headers.get('upload-offset')).toBe('8192')

    let firstProgress: number | null = null
    const resumed = new Promise<Outcome>((resolve) => {
      const upload = new Upload(clip, {
        uploadUrl: url,
        endpoint: `${http.origin}/api/uploads`,
        headers: { 'x-test-user': team.editor.userId },
        retryDelays: null,
        onProgress: (sent) => void (firstProgress ??= sent),
        onSuccess: ({ lastResponse }) => resolve({ ok: true, versionId: lastResponse.getHeader(versionIdHeader), number: lastResponse.getHeader(versionNumberHeader), url }),
        onError: () => resolve({ ok: false, status: undefined, code: 'ERROR', message: undefined }),
      })
      upload.start()
    })
    expect(await resumed).toMatchObject({ ok: true, number: String(before + 1) })
    expect(firstProgress).toBeGreaterThanOrEqual(8192)
    expect((await versionsOfItem(reviewItemId)).length).toBe(before + 1)
  })

  it('a client that lost the reply to its last chunk learns the version from HEAD instead of uploading again', async () => {
    const outcome = await tusUpload(clip, { as: team.editor }).done
    expect(outcome.ok).toBe(true)
    const { url, versionId } = outcome as { url: string; versionId: string }
    const head = await tusRequest('HEAD', url, team.editor)
    expect(head.status).toBe(200)
    expect(head.headers.get('upload-offset')).toBe(String(clip.length))
    expect(head.headers.get(versionIdHeader)).toBe(versionId)
    // …and to anyone else that upload does not exist.
    expect((await tusRequest('HEAD', url, team.owner)).status).toBe(404)
  })

  it('cancelling removes the partial file', async () => {
    const first = tusUpload(clip, { as: team.editor, chunkSize: 4096, stopAfterChunk: () => true })
    await first.done
    expect(await partialFiles()).toHaveLength(2) // the bytes and their .json
    const url = first.upload.url!
    expect((await tusRequest('DELETE', url, team.editor)).status).toBe(204)
    expect(await partialFiles()).toEqual([])
    expect((await tusRequest('HEAD', url, team.editor)).status).toBe(404)
  })
})

describe('who may upload', () => {
  it('a commenter or viewer is refused before a byte is stored, with a reason', async () => {
    const before = await countsNow()
    for (const person of [team.commenter, team.viewer]) {
      const outcome = await tusUpload(clip, { as: person }).done
      expect(outcome).toMatchObject({ ok: false, status: 403, code: 'FORBIDDEN', message: expect.stringMatching(/needs editor access/) })
    }
    await expectNothingWritten(before)
  })

  it('someone outside the workspace is told the project does not exist; a signed-out request must sign in', async () => {
    const before = await countsNow()
    expect(await tusUpload(clip, { as: stranger }).done).toMatchObject({ ok: false, status: 404, code: 'NOT_FOUND' })
    expect(await tusUpload(clip, { as: null }).done).toMatchObject({ ok: false, status: 401, code: 'UNAUTHENTICATED' })
    await expectNothingWritten(before)
  })

  it('a review item of another project cannot be smuggled in with this project’s id', async () => {
    const before = await countsNow()
    const outcome = await tusUpload(clip, { as: team.owner, metadata: { projectId, reviewItemId: otherReviewItemId, filename: 'x.mp4' } }).done
    expect(outcome).toMatchObject({ ok: false, status: 404, message: 'That review item was not found.' })
    const missing = await tusUpload(clip, { as: team.owner, metadata: { projectId, filename: 'x.mp4' } }).done
    expect(missing).toMatchObject({ ok: false, status: 400, message: expect.stringMatching(/metadata is incomplete/) })
    await expectNothingWritten(before)
  })

  it('only the person who started an upload may continue, inspect or cancel it — not even the workspace owner', async () => {
    const first = tusUpload(clip, { as: team.editor, chunkSize: 4096, stopAfterChunk: () => true })
    await first.done
    const url = first.upload.url!
    const otherEditor = await seedUser('Other editor')
    await addMember(team.workspaceId, otherEditor, 'editor')
    people.set(otherEditor.userId, otherEditor)
    for (const person of [otherEditor, team.owner, stranger]) {
      expect((await tusRequest('HEAD', url, person)).status).toBe(404)
      const patch = await tusRequest('PATCH', url, person, { 'Upload-Offset': '4096', 'Content-Type': 'application/offset+octet-stream' }, new Uint8Array(10))
      expect(patch.status).toBe(404)
      expect((await patch.json()) as unknown).toMatchObject({ error: { code: 'NOT_FOUND' } })
      expect((await tusRequest('DELETE', url, person)).status).toBe(404)
    }
    expect((await tusRequest('HEAD', url, null)).status).toBe(401)
    // Untouched: still there for its owner at the same offset.
    const head = await tusRequest('HEAD', url, team.editor)
    expect(head.headers.get('upload-offset')).toBe('4096')
    expect((await tusRequest('DELETE', url, team.editor)).status).toBe(204)
  })

  it('someone demoted during an upload cannot continue it', async () => {
    const editor = await seedUser('Demoted editor')
    await addMember(team.workspaceId, editor, 'editor')
    people.set(editor.userId, editor)
    const first = tusUpload(clip, { as: editor, chunkSize: 4096, stopAfterChunk: () => true })
    await first.done
    await env.handle.db.update(memberships).set({ role: 'viewer' }).where(eq(memberships.userId, editor.userId))
    const resumed = await tusUpload(clip, { as: editor, uploadUrl: first.upload.url! }).done
    expect(resumed).toMatchObject({ ok: false, status: 403, code: 'FORBIDDEN' })
    expect((await tusRequest('DELETE', first.upload.url!, editor)).status).toBe(204)
  })

  it('partial uploads are never served', async () => {
    const first = tusUpload(clip, { as: team.editor, chunkSize: 4096, stopAfterChunk: () => true })
    await first.done
    expect((await tusRequest('GET', first.upload.url!, team.editor)).status).toBe(405)
    await tusRequest('DELETE', first.upload.url!, team.editor)
  })
})

describe('what is refused, with nothing left behind', () => {
  it('an upload over the size limit gets 413 with the limit in words, before any byte is stored', async () => {
    const before = await countsNow()
    const big = Buffer.alloc(maxBytes + 1)
    const outcome = await tusUpload(big, { as: team.editor }).done
    expect(outcome).toMatchObject({ ok: false, status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'This file is 2 MB; the largest upload allowed is 2 MB.' })
    await expectNothingWritten(before)
  })

  it('a client that sends more than it declared is cut off with 413', async () => {
    const created = await tusRequest('POST', '/api/uploads', team.editor, {
      'Upload-Length': '100',
      'Upload-Metadata': `projectId ${btoa(projectId)},reviewItemId ${btoa(reviewItemId)}`,
    })
    expect(created.status).toBe(201)
    const url = created.headers.get('location')!
    expect(url).toMatch(/^\/api\/uploads\/[0-9a-f-]{36}$/)
    const patch = await tusRequest('PATCH', url, team.editor, { 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' }, new Uint8Array(200))
    expect(patch.status).toBe(413)
    expect((await tusRequest('DELETE', url, team.editor)).status).toBe(204)
  })

  // A server that must never be asked for anything: the crafted AVI below names it.
  const fetched: string[] = []
  const bait = createServer((request, response) => {
    fetched.push(request.url ?? '')
    response.end('#EXTM3U\n')
  })
  let baitOrigin = ''
  beforeAll(async () => {
    await new Promise<void>((resolve) => bait.listen(0, '127.0.0.1', resolve))
    baitOrigin = `http://127.0.0.1:${(bait.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((resolve) => bait.close(resolve)))
  const gab2Avi = async () => {
    const playlist = `#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:1.0,\n${baitOrigin}/segment.ts\n#EXTINF:1.0,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n`
    return fs.readFile(await makeGab2PlaylistAvi(path.join(folder.dir, 'gab2.avi'), playlist))
  }

  const refusals: [string, () => Promise<Buffer>, number, RegExp][] = [
    ['an HTML page renamed .mp4', async () => Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'), 415, /not a video/],
    ['a truncated MP4', async () => fs.readFile(await truncateCopy(path.join(folder.dir, 'cut.mp4'), path.join(folder.dir, 'short.mp4'), 3000)), 400, /incomplete|damaged|could not be read/],
    ['an HLS playlist that points at /etc/passwd', async () => Buffer.from('#EXTM3U\n#EXTINF:10,\nfile:///etc/passwd\n'), 415, /not a video/],
    ['an AVI whose GAB2 subtitle is a playlist naming file:///etc/passwd and an http URL', gab2Avi, 400, /^This file has no video track\.$/],
  ]
  it.each(refusals)('%s is refused with a clear message', async (_name, make, status, message) => {
    const before = await countsNow()
    const outcome = await tusUpload(await make(), { as: team.editor, chunkSize: 2048 }).done
    expect(outcome).toMatchObject({ ok: false, status, message: expect.stringMatching(message) })
    await expectNothingWritten(before)
    expect(fetched).toEqual([])
  })

  it('an empty file is refused when the upload is created', async () => {
    const before = await countsNow()
    const outcome = await tusUpload(Buffer.alloc(0), { as: team.editor }).done
    expect(outcome).toMatchObject({ ok: false, status: 400, message: 'The file is empty.' })
    await expectNothingWritten(before)
  })

  it('a file ffprobe cannot read in time is refused, and nothing is kept', async () => {
    const before = await countsNow()
    probeTimeoutMs = 1
    try {
      const outcome = await tusUpload(clip, { as: team.editor }).done
      expect(outcome).toMatchObject({ ok: false, status: 400, message: 'Reading this video took too long; it may be damaged.' })
    } finally {
      probeTimeoutMs = undefined
    }
    await expectNothingWritten(before)
  })
})
