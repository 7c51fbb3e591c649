import { createHash, randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { MemoryLocker, type Locker } from '@tus/server'
import { eq } from 'drizzle-orm'
import { Upload } from 'tus-js-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assets, reviewVersions } from '@/db/schema'
import type { Actor } from '@/server/auth/require-role'
import { openTestQueue } from '@/server/jobs/testing/test-queue'
import { makeClip, tempFolder } from '@/server/media/ffmpeg/testing/clips'
import { filesUnder, useTemporaryMediaStorage } from '@/server/services/assets/testing'
import { createProject } from '@/server/services/projects/create-project'
import { checkCutUpload } from '@/server/services/review/check-cut-upload'
import { createReviewItem } from '@/server/services/review/create-review-item'
import { finishCutUpload } from '@/server/services/review/finish-cut-upload'
import { seedTeam } from '@/server/services/testing/fixtures'
import { createCutUploadServer, versionIdHeader } from './cut-upload-server'
import { PgAdvisoryLocker } from './pg-advisory-locker'
import { serveWebHandler } from './testing/serve-web-handler'

// Two app instances serving one upload, as behind a round-robin balancer: two upload servers, each on its own
// loopback port with its own in-process state, sharing the uploads folder (the shared volume this setup needs), the
// database and media storage. On PostgreSQL each has its own PgAdvisoryLocker, as two processes would; on PGlite
// (one process only in production) they share one in-memory locker, which still checks the shared-folder logic.

const onPostgres = process.env.STORYREEL_TEST_DB === 'postgres' && Boolean(process.env.TEST_DATABASE_URL)

let env: Awaited<ReturnType<typeof openTestQueue>>
let media: Awaited<ReturnType<typeof useTemporaryMediaStorage>>
let folder: Awaited<ReturnType<typeof tempFolder>>
let uploadsDir: string
let team: Awaited<ReturnType<typeof seedTeam>>
let projectId: string
let reviewItemId: string
let clip: Buffer
const instances: { origin: string; close: () => Promise<void> }[] = []
const lockers: PgAdvisoryLocker[] = []

beforeAll(async () => {
  env = await openTestQueue()
  media = await useTemporaryMediaStorage()
  folder = await tempFolder()
  uploadsDir = path.join(folder.dir, 'shared-uploads')
  team = await seedTeam('Instances')
  projectId = (await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'Cut', frameRate: '24', resolution: '1920x1080' })).projectId
  reviewItemId = (await createReviewItem({ actor: team.owner, projectId, title: 'Teaser', kind: 'cut' })).reviewItemId
  // Big enough for several chunks and a slow PATCH.
  clip = await fs.readFile(await makeClip(path.join(folder.dir, 'cut.mp4'), { video: 'testsrc=s=160x120:r=24:d=3' }))

  const people = new Map<string, Actor>([[team.editor.userId, team.editor]])
  const namespace = `test:${randomUUID()}`
  const shared = new MemoryLocker()
  for (let i = 0; i < 2; i += 1) {
    let locker: Locker = shared
    if (onPostgres) {
      const own = new PgAdvisoryLocker({ connectionString: process.env.TEST_DATABASE_URL!, namespace })
      lockers.push(own)
      locker = own
    }
    const server = createCutUploadServer({
      path: '/api/uploads',
      directory: uploadsDir,
      maxBytes: 64 * 1024 * 1024,
      locker,
      authenticate: async (request) => people.get(request.headers.get('x-test-user') ?? '') ?? null,
      authorize: async (actor, target) => void (await checkCutUpload({ actor, ...target })),
      finish: (actor, target, filePath) => finishCutUpload({ actor, ...target, filePath }),
    })
    instances.push(await serveWebHandler((request) => server.handle(request)))
  }
})
afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.close()))
  await Promise.all(lockers.map((locker) => locker.close()))
  await env.close()
  await media.cleanup()
  await folder.cleanup()
})

const instance = (i: number) => ({ origin: () => instances[i]!.origin })
const [a, b] = [instance(0), instance(1)]
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
const versions = () => env.handle.db.select().from(reviewVersions).where(eq(reviewVersions.reviewItemId, reviewItemId))
const partialFiles = () => filesUnder(path.join(uploadsDir, 'partial'))
const on = (instance: { origin: () => string }, url: string) => `${instance.origin()}${new URL(url, 'http://x').pathname}`

function tusRequest(method: string, url: string, headers: Record<string, string> = {}, body?: BodyInit, signal?: AbortSignal): Promise<Response> {
  return fetch(url, {
    method,
    headers: { 'Tus-Resumable': '1.0.0', 'x-test-user': team.editor.userId, ...headers },
    body,
    signal,
    // @ts-expect-error duplex is required by Node's fetch for streamed bodies and missing from the DOM types
    duplex: 'half',
  })
}

async function create(on: { origin: () => string }): Promise<string> {
  const created = await tusRequest('POST', `${on.origin()}/api/uploads`, {
    'Upload-Length': String(clip.length),
    'Upload-Metadata': `projectId ${btoa(projectId)},reviewItemId ${btoa(reviewItemId)},filename ${btoa('cut.mp4')}`,
  })
  expect(created.status).toBe(201)
  return created.headers.get('location')!
}

/** Sends the rest of the upload with the real client through one instance; resolves with the new version's id. */
function resumeWithClient(through: { origin: () => string }, url: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const upload = new Upload(clip, {
      endpoint: `${through.origin()}/api/uploads`,
      uploadUrl: on(through, url),
      headers: { 'x-test-user': team.editor.userId },
      chunkSize: 16 * 1024,
      retryDelays: null,
      onSuccess: ({ lastResponse }) => resolve(lastResponse.getHeader(versionIdHeader)),
      onError: reject,
    })
    upload.start()
  })
}

async function expectOneVersionOfTheClip(before: number, versionId: string | undefined): Promise<void> {
  const now = await versions()
  expect(now.length).toBe(before + 1)
  const added = now.find((version) => version.id === versionId)
  expect(added).toBeDefined()
  const [asset] = await env.handle.db.select().from(assets).where(eq(assets.id, added!.assetId))
  expect(asset).toMatchObject({ bytes: clip.length, sha256: sha256(clip) })
  expect(await partialFiles()).toEqual([])
}

describe(`an upload served by two instances (${onPostgres ? 'PostgreSQL advisory locks' : 'one in-memory locker'})`, () => {
  it('the first chunks go through instance A, the rest through instance B: one version with the right SHA-256', async () => {
    const before = (await versions()).length
    const url = await new Promise<string>((resolve, reject) => {
      const upload: Upload = new Upload(clip, {
        endpoint: `${a.origin()}/api/uploads`,
        metadata: { projectId, reviewItemId, filename: 'cut.mp4' },
        headers: { 'x-test-user': team.editor.userId },
        chunkSize: 16 * 1024,
        retryDelays: null,
        onChunkComplete: (_size, accepted) => {
          if (accepted >= 32 * 1024) void upload.abort().then(() => resolve(upload.url!))
        },
        onError: reject,
      })
      upload.start()
    })
    const head = await tusRequest('HEAD', on(b, url))
    expect(head.status).toBe(200)
    expect(head.headers.get('upload-offset')).toBe(String(32 * 1024))

    const versionId = await resumeWithClient(b, url)
    await expectOneVersionOfTheClip(before, versionId)
    // A client that lost that reply asks A: the answer is the same version, not a second upload.
    const again = await tusRequest('HEAD', on(a, url))
    expect(again.headers.get(versionIdHeader)).toBe(versionId)
  })

  it('the same whole PATCH sent to A and B at once: one is written, the other is refused cleanly, one version', async () => {
    const before = (await versions()).length
    const url = await create(a)
    const patch = (instance: { origin: () => string }) =>
      tusRequest('PATCH', on(instance, url), { 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' }, new Uint8Array(clip))
    const answers = await Promise.all([patch(a), patch(b)])
    const statuses = answers.map((answer) => answer.status).sort()
    // The first to hold the lock writes every byte and finishes; the other then finds the offset moved (409), or is
    // told the finish is under way (409), or (if it asked the first to let go in time) the first was cut short and
    // the second refused for its stale offset — either way nothing is written twice.
    expect(statuses.every((status) => [204, 409, 423, 400].includes(status))).toBe(true)
    expect(statuses.filter((status) => status === 204).length).toBeLessThanOrEqual(1)
    let versionId = answers.find((answer) => answer.status === 204)?.headers.get(versionIdHeader) ?? undefined
    if (!versionId) versionId = await resumeWithClient(b, url)
    await expectOneVersionOfTheClip(before, versionId)
  })

  it('a PATCH stalled on A is asked to let go by a PATCH on B for the rest: A is cut off first, then B writes, and the file is whole', async () => {
    const before = (await versions()).length
    const url = await create(a)
    const half = 24 * 1024
    // A's client sends half the file, then stalls with the connection open (a half-open connection, as tus expects).
    let stall!: ReadableStreamDefaultController<Uint8Array>
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        stall = controller
        controller.enqueue(new Uint8Array(clip.subarray(0, half)))
      },
    })
    const giveUp = new AbortController()
    let aEndedAt = Number.POSITIVE_INFINITY
    const stalled = tusRequest('PATCH', on(a, url), { 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' }, body, giveUp.signal)
      .then((answer) => ({ status: answer.status, offset: answer.headers.get('upload-offset') }))
      .catch(() => 'dropped' as const)
      .finally(() => void (aEndedAt = Date.now()))
    await expect.poll(async () => (await fs.stat(path.join(uploadsDir, 'partial', path.basename(url)))).size, { timeout: 10_000 }).toBe(half)

    // B continues from where the bytes on disk end. It must not write while A still holds the upload: it asks A to let
    // go, and @tus/server ends A's request (after its drain time) before B gets the lock.
    const fromB = await tusRequest('PATCH', on(b, url), { 'Upload-Offset': String(half), 'Content-Type': 'application/offset+octet-stream' }, new Uint8Array(clip.subarray(half)))
    const bAnsweredAt = Date.now()
    expect(fromB.status).toBe(204)
    expect(aEndedAt).toBeLessThanOrEqual(bAnsweredAt)
    // @tus/server ends a request it was asked to give up gracefully: it says how far it got, which is not the end.
    expect(await stalled).toEqual({ status: 204, offset: String(half) })
    // Whatever A's client sends now is not written: its request is over.
    try {
      stall.enqueue(new Uint8Array(clip.length - half).fill(0x58))
      stall.close()
    } catch {
      // the stream was already torn down with the request
    }
    giveUp.abort()
    await expectOneVersionOfTheClip(before, fromB.headers.get(versionIdHeader) ?? undefined)
  })
})
