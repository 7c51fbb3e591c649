import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { FileStore } from '@tus/file-store'
import { MemoryLocker, Server, type Locker, type Upload } from '@tus/server'
import { AppError } from '@/lib/errors'
import type { Actor } from '@/server/auth/require-role'
import { tusErrorMapping, uploadErrorResponse } from './upload-errors'
import { readUploadTarget, type CutUploadTarget } from './upload-target'

// The resumable (tus 1.0) upload endpoint for cuts, as a web-standard Request → Response handler, so it runs in a
// Next.js route handler and, in tests, behind a plain node http server. @tus/server speaks the protocol and keeps the
// partial files; this wrapper decides who may do what before it gets a request:
// - every request needs a signed-in person;
// - creating an upload needs `authorize` to pass for the project and review item in its metadata (editor role);
// - continuing (HEAD, PATCH) or cancelling (DELETE) an upload is for the person who created it, nobody else: to
//   anyone else it does not exist;
// - GET is refused: partial files are never served.
// When the last byte arrives, `finish` turns the file into a version; the partial file goes whatever the outcome, and
// a small record of the result stays so a client that lost the reply learns it from HEAD instead of uploading again.
//
// Several app instances can serve one upload when they share `directory` (a shared volume) and a `locker` on their
// common database: the locker keeps two instances from writing one upload at once, and a second lock per upload
// ("finishing") keeps a retried last PATCH on another instance from finishing it twice.

export interface FinishedUpload {
  versionId: string
  number: number
}

export interface CutUploadServerOptions {
  /** The URL path the endpoint is mounted on, e.g. "/api/uploads". */
  path: string
  /** Partial uploads and finish records live under this folder; it is never served. */
  directory: string
  maxBytes: number
  authenticate(request: Request): Promise<Actor | null>
  /** Throws an AppError when the actor may not upload to the target. */
  authorize(actor: Actor, target: CutUploadTarget): Promise<void>
  /** Vets and stores the received file; throws an AppError to refuse it. The file is removed afterwards either way. */
  finish(actor: Actor, target: CutUploadTarget, filePath: string): Promise<FinishedUpload>
  /** Unfinished uploads and finish records older than this are swept; 3 days by default. */
  expireAfterMs?: number
  /** Who may write which upload; in-process by default, which is right for one instance only. */
  locker?: Locker
}

export interface CutUploadServer {
  handle(request: Request): Promise<Response>
  /** Removes expired partial uploads and finish records; also run now and then on creates. */
  sweep(): Promise<void>
}

/** Response headers the client reads once the upload became a version. */
export const versionIdHeader = 'Storyreel-Version-Id'
export const versionNumberHeader = 'Storyreel-Version-Number'

const uploadIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const sweepEveryMs = 60 * 60 * 1000
/** A finish already running elsewhere makes a second one a conflict after this wait, not a second version. */
const finishLockWaitMs = 1_000
/** How long a HEAD or PATCH waits for another instance to finish an upload (the locker's own limit may be shorter). */
const finishedWaitMs = 60 * 1000
const finishLockId = (id: string) => `${id}:finishing`

interface FinishRecord extends FinishedUpload {
  userId: string
  size: number
  finishedAt: string
}

export function createCutUploadServer(options: CutUploadServerOptions): CutUploadServer {
  const basePath = options.path.replace(/\/+$/, '')
  const partialDir = path.join(options.directory, 'partial')
  const finishedDir = path.join(options.directory, 'finished')
  const expireAfterMs = options.expireAfterMs ?? 3 * 24 * 60 * 60 * 1000
  const ready = Promise.all([fs.mkdir(partialDir, { recursive: true }), fs.mkdir(finishedDir, { recursive: true })])
  const store = new FileStore({ directory: partialDir, expirationPeriodInMilliseconds: expireAfterMs })
  const locker = options.locker ?? new MemoryLocker()
  // Who sent each request, for the hooks @tus/server calls with the same Request object.
  const actors = new WeakMap<Request, Actor>()
  const finishing = new Map<string, Promise<unknown>>()
  let lastSweep = 0

  /** The upload id in a URL, or null; the same rule for our checks and for @tus/server, so they never disagree. */
  function uploadIdOf(url: string): string | null {
    const { pathname } = new URL(url)
    if (!pathname.startsWith(`${basePath}/`)) return null
    const id = pathname.slice(basePath.length + 1)
    return uploadIdPattern.test(id) ? id : null
  }

  const actorOf = (request: Request): Actor => {
    const actor = actors.get(request)
    if (!actor) throw new Error('cut upload: a request reached @tus/server without passing the access check')
    return actor
  }

  const tus = new Server({
    path: basePath,
    datastore: store,
    locker,
    maxSize: options.maxBytes,
    // A relative Location: the client resolves it against the URL it posted to, so no Host or X-Forwarded-* header
    // (which a client can set) ever decides where uploads go.
    relativeLocation: true,
    namingFunction: () => randomUUID(),
    getFileIdFromRequest: (request) => uploadIdOf(request.url) ?? undefined,
    exposedHeaders: [versionIdHeader, versionNumberHeader],
    async onUploadCreate(request, upload) {
      const actor = actorOf(request)
      if (upload.size === undefined) {
        throw new AppError('BAD_REQUEST', { userMessage: 'Start the upload with the file’s size (Upload-Length).' })
      }
      if (upload.size === 0) throw new AppError('BAD_REQUEST', { userMessage: 'The file is empty.' })
      const target = readUploadTarget(upload.metadata)
      await options.authorize(actor, target)
      maybeSweep()
      // Replaces whatever the client sent: only these keys are kept, and the owner is stamped here, never read from it.
      return { metadata: { projectId: target.projectId, reviewItemId: target.reviewItemId, filename: target.filename, userId: actor.userId } }
    },
    async onUploadFinish(request, upload) {
      const finished = await finishOnce(actorOf(request), upload)
      return { headers: { [versionIdHeader]: finished.versionId, [versionNumberHeader]: String(finished.number) } }
    },
    onResponseError: (request, error) => tusErrorMapping(request, error, options.maxBytes),
  })

  async function finishOnce(actor: Actor, upload: Upload): Promise<FinishedUpload> {
    // A zero-length PATCH at the final offset would call the hook again while the first run is still going.
    if (finishing.has(upload.id)) throw new AppError('CONFLICT', { userMessage: 'This upload is already being finished.' })
    const work = (async () => {
      // …and on another instance, the same PATCH retried there.
      const guard = locker.newLock(finishLockId(upload.id))
      try {
        await guard.lock(AbortSignal.timeout(finishLockWaitMs), () => undefined)
      } catch {
        throw new AppError('CONFLICT', { userMessage: 'This upload is already being finished.' })
      }
      try {
        const earlier = await readFinishRecord(upload.id)
        if (earlier) {
          if (earlier.userId !== actor.userId) throw uploadNotFound()
          return { versionId: earlier.versionId, number: earlier.number }
        }
        try {
          const target = readUploadTarget(upload.metadata)
          const result = await options.finish(actor, target, path.join(partialDir, upload.id))
          const record: FinishRecord = { ...result, userId: actor.userId, size: upload.size ?? 0, finishedAt: new Date().toISOString() }
          await fs.writeFile(finishRecordPath(upload.id), JSON.stringify(record))
          return result
        } finally {
          // Refused or accepted, the received bytes have served their purpose (an accepted file is in media storage).
          await store.remove(upload.id).catch((error: unknown) => console.error('[upload] could not remove partial upload', upload.id, error))
        }
      } finally {
        await guard.unlock()
      }
    })()
    finishing.set(upload.id, work.catch(() => undefined))
    try {
      return await work
    } finally {
      finishing.delete(upload.id)
    }
  }

  const finishRecordPath = (id: string) => path.join(finishedDir, `${id}.json`)

  async function readFinishRecord(id: string): Promise<FinishRecord | null> {
    try {
      return JSON.parse(await fs.readFile(finishRecordPath(id), 'utf8')) as FinishRecord
    } catch {
      return null
    }
  }

  /** Access to an existing upload: its creator only. Anyone else is told it does not exist. */
  async function checkOwner(request: Request, actor: Actor, id: string): Promise<Response | null> {
    // A HEAD that arrives while the upload is being finished (the client lost the reply and asks) waits for the answer.
    const pending = finishing.get(id)
    if (pending) await pending
    const record = await readFinishRecord(id)
    if (record) {
      if (record.userId !== actor.userId) throw uploadNotFound()
      return answerFinished(request, id, record)
    }
    let upload: Upload
    try {
      upload = await store.getUpload(id)
    } catch {
      throw uploadNotFound()
    }
    if (upload.metadata?.userId !== actor.userId) throw uploadNotFound()
    if (upload.size !== undefined && upload.offset === upload.size) {
      // Every byte is in but there is no result yet: another instance is finishing it. Wait for that, as above.
      const finished = await awaitFinishElsewhere(actor, id)
      if (finished) return answerFinished(request, id, finished)
    }
    // A person removed from the project since the upload began stops here rather than at the last byte.
    if (request.method === 'PATCH') await options.authorize(actor, readUploadTarget(upload.metadata))
    return null
  }

  async function awaitFinishElsewhere(actor: Actor, id: string): Promise<FinishRecord | null> {
    const guard = locker.newLock(finishLockId(id))
    try {
      await guard.lock(AbortSignal.timeout(finishedWaitMs), () => undefined)
    } catch {
      throw new AppError('CONFLICT', { userMessage: 'This upload is still being finished. Please try again in a moment.' })
    }
    await guard.unlock()
    const record = await readFinishRecord(id)
    if (record && record.userId !== actor.userId) throw uploadNotFound()
    return record
  }

  async function answerFinished(request: Request, id: string, record: FinishRecord): Promise<Response> {
    const headers = new Headers({ 'Tus-Resumable': '1.0.0', 'Cache-Control': 'no-store' })
    if (request.method === 'HEAD') {
      headers.set('Upload-Offset', String(record.size))
      headers.set('Upload-Length', String(record.size))
      headers.set(versionIdHeader, record.versionId)
      headers.set(versionNumberHeader, String(record.number))
      return new Response(null, { status: 200, headers })
    }
    if (request.method === 'DELETE') {
      // Cancelling after the fact forgets the record; the version it made stays (delete that in the review page).
      await fs.rm(finishRecordPath(id), { force: true })
      return new Response(null, { status: 204, headers })
    }
    throw new AppError('CONFLICT', { userMessage: 'This upload is already complete.' })
  }

  function maybeSweep(): void {
    if (Date.now() - lastSweep < sweepEveryMs) return
    lastSweep = Date.now()
    sweep().catch((error: unknown) => console.error('[upload] sweeping expired uploads failed:', error))
  }

  async function sweep(): Promise<void> {
    await ready
    await tus.cleanUpExpiredUploads()
    const cutoff = Date.now() - expireAfterMs
    for (const name of await fs.readdir(finishedDir)) {
      const file = path.join(finishedDir, name)
      const stat = await fs.stat(file).catch(() => null)
      if (stat && stat.mtimeMs < cutoff) await fs.rm(file, { force: true })
    }
  }

  return {
    async handle(request) {
      try {
        await ready
        const actor = await options.authenticate(request)
        if (!actor) throw new AppError('UNAUTHENTICATED', { userMessage: 'Please sign in to upload.' })
        const { pathname } = new URL(request.url)
        const onBase = pathname === basePath || pathname === `${basePath}/`
        const id = uploadIdOf(request.url)
        switch (request.method) {
          case 'POST':
            if (!onBase) throw uploadNotFound()
            break
          case 'HEAD':
          case 'PATCH':
          case 'DELETE': {
            if (!id) throw uploadNotFound()
            const answered = await checkOwner(request, actor, id)
            if (answered) return answered
            break
          }
          case 'OPTIONS':
            break
          default:
            return uploadErrorResponse(new AppError('BAD_REQUEST', { userMessage: 'This endpoint takes tus uploads (POST, HEAD, PATCH, DELETE).' }), 405)
        }
        actors.set(request, actor)
        return await tus.handleWeb(request)
      } catch (error) {
        return uploadErrorResponse(error)
      }
    },
    sweep,
  }
}

const uploadNotFound = () => new AppError('NOT_FOUND', { userMessage: 'That upload was not found. It may have expired or been cancelled.' })
