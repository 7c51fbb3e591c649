// The two route handlers, called the way Next.js calls them (a Request and a params promise), with the actor set by
// runAsActor, which getCurrentActor() honours. Tests may import app/; production code never does.
import { createHash } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { POST } from '@/app/api/projects/[projectId]/assets/route'
import { GET, HEAD } from '@/app/api/media/[assetId]/route'
import type { DatabaseHandle } from '@/db/client'
import { openTestDatabase } from '@/db/test-database'
import { gif, png, svgImage } from '@/lib/media/testing/image-fixtures'
import type { Actor } from '@/server/auth/require-role'
import { runAsActor } from '@/server/auth/actor-context'
import { createProject } from '@/server/services/projects/create-project'
import { seedTeam, seedUser } from '@/server/services/testing/fixtures'
import { filesUnder, useTemporaryMediaStorage } from './testing'

const origin = 'http://storyreel.test'

function upload(actor: Actor | null, projectId: string, init: RequestInit) {
  const request = new Request(`${origin}/api/projects/${projectId}/assets`, { method: 'POST', ...init })
  return runAsActor(actor, () => POST(request, { params: Promise.resolve({ projectId }) }))
}

function fetchMedia(actor: Actor | null, assetId: string, init: { method?: 'GET' | 'HEAD'; headers?: Record<string, string>; query?: string } = {}) {
  const request = new Request(`${origin}/api/media/${assetId}${init.query ?? ''}`, { method: init.method ?? 'GET', headers: init.headers })
  const handler = init.method === 'HEAD' ? HEAD : GET
  return runAsActor(actor, () => handler(request, { params: Promise.resolve({ assetId }) }))
}

const bodyBytes = async (response: Response) => new Uint8Array(await response.arrayBuffer())

describe('asset routes', () => {
  let handle: DatabaseHandle
  let media: Awaited<ReturnType<typeof useTemporaryMediaStorage>>
  let team: Awaited<ReturnType<typeof seedTeam>>
  let projectId: string
  const image = png(64, 48)
  let assetId: string

  beforeAll(async () => {
    handle = await openTestDatabase()
    media = await useTemporaryMediaStorage()
    team = await seedTeam('Routes')
    projectId = (await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'Pilot', frameRate: '25', resolution: '1920x1080' })).projectId
    const response = await upload(team.editor, projectId, { body: image, headers: { 'content-type': 'image/png', 'x-filename': encodeURIComponent('Szene 1 – Nacht.png') } })
    assetId = ((await response.json()) as { id: string }).id
  })
  afterAll(async () => {
    await handle.close()
    await media.cleanup()
  })
  afterEach(() => vi.unstubAllEnvs())

  describe('POST /api/projects/:projectId/assets', () => {
    it('answers 201 with id, url, size and type for a raw body', async () => {
      const response = await upload(team.editor, projectId, { body: gif(10, 20), headers: { 'content-type': 'application/octet-stream', 'x-filename': 'ref.gif' } })
      expect(response.status).toBe(201)
      const json = (await response.json()) as { id: string; url: string }
      expect(json).toEqual({ id: expect.any(String), url: `/api/media/${json.id}`, width: 10, height: 20, mime: 'image/gif' })
      expect(response.headers.get('location')).toBe(json.url)
    })

    it('accepts multipart/form-data with a "file" field', async () => {
      const form = new FormData()
      form.append('file', new File([png(5, 7)], 'panel.png', { type: 'image/png' }))
      const response = await upload(team.owner, projectId, { body: form })
      expect(response.status).toBe(201)
      expect(await response.json()).toMatchObject({ width: 5, height: 7, mime: 'image/png' })
    })

    it('answers 400 for multipart without a file field', async () => {
      const form = new FormData()
      form.append('image', 'not a file')
      const response = await upload(team.editor, projectId, { body: form })
      expect(response.status).toBe(400)
      expect(await response.json()).toEqual({ error: { code: 'BAD_REQUEST', message: 'Send the image in a form field named "file".' } })
    })

    it('answers 401, 403 and 404 with JSON errors', async () => {
      const anonymous = await upload(null, projectId, { body: png(2, 2) })
      expect(anonymous.status).toBe(401)
      expect(await anonymous.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Please sign in to continue.' } })
      const viewer = await upload(team.viewer, projectId, { body: png(2, 2) })
      expect(viewer.status).toBe(403)
      expect(((await viewer.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN')
      const stranger = await upload(await seedUser('Route stranger'), projectId, { body: png(2, 2) })
      expect(stranger.status).toBe(404)
      expect(await stranger.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'That project was not found.' } })
    })

    it('answers 415 UNSUPPORTED_MEDIA_TYPE for SVG', async () => {
      const response = await upload(team.editor, projectId, { body: svgImage, headers: { 'content-type': 'image/svg+xml' } })
      expect(response.status).toBe(415)
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
    })

    it('answers 413 from Content-Length before reading, and while streaming when there is none', async () => {
      vi.stubEnv('MAX_IMAGE_BYTES', '1000')
      const filesBefore = await filesUnder(media.root)
      const declared = await upload(team.editor, projectId, { body: png(100, 100), headers: { 'content-length': '10100' } })
      expect(declared.status).toBe(413)
      expect(await declared.json()).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'That image is too large: the limit is 1000 bytes.' } })
      const streamed = await upload(team.editor, projectId, { body: new Blob([png(100, 100)]).stream(), duplex: 'half' } as RequestInit)
      expect(streamed.status).toBe(413)
      const form = new FormData()
      form.append('file', new File([png(300, 300)], 'big.png'))
      expect((await upload(team.editor, projectId, { body: form })).status).toBe(413)
      // A large form as a stream without Content-Length is cut off while it is read, not buffered whole.
      const large = new FormData()
      large.append('file', new File([png(1500, 1500)], 'huge.png'))
      const encoded = new Response(large)
      const bytes = new Uint8Array(await encoded.arrayBuffer())
      let pulled = 0
      const counted = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled >= bytes.length) return controller.close()
          controller.enqueue(bytes.subarray(pulled, pulled + 16 * 1024))
          pulled += 16 * 1024
        },
      })
      const streamedForm = await upload(team.editor, projectId, {
        body: counted,
        headers: { 'content-type': encoded.headers.get('content-type')! },
        duplex: 'half',
      } as RequestInit)
      expect(streamedForm.status).toBe(413)
      expect(bytes.length).toBeGreaterThan(2_000_000)
      expect(pulled).toBeLessThan(200_000) // the limit (1000 bytes + 64 KB for the form) plus read-ahead
      expect(await filesUnder(media.root)).toEqual(filesBefore)
    })
  })

  describe('GET /api/media/:assetId', () => {
    it('serves the bytes inline with their type, an ETag and defensive headers', async () => {
      const response = await fetchMedia(team.viewer, assetId)
      expect(response.status).toBe(200)
      expect(Object.fromEntries(response.headers)).toMatchObject({
        'content-type': 'image/png',
        'content-length': String(image.length),
        'accept-ranges': 'bytes',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'",
        'cache-control': 'private, max-age=3600',
        etag: `"${createHash('sha256').update(image).digest('hex')}"`,
        'content-disposition': `inline; filename="Szene 1 Nacht.png"; filename*=UTF-8''Szene%201%20%E2%80%93%20Nacht.png`,
      })
      expect(await bodyBytes(response)).toEqual(image)
    })

    it('offers a download with ?download=1', async () => {
      const response = await fetchMedia(team.viewer, assetId, { query: '?download=1' })
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; /)
      expect(await bodyBytes(response)).toEqual(image)
    })

    it('serves single ranges with 206 and Content-Range', async () => {
      const size = image.length
      const first = await fetchMedia(team.viewer, assetId, { headers: { range: 'bytes=0-9' } })
      expect(first.status).toBe(206)
      expect(first.headers.get('content-range')).toBe(`bytes 0-9/${size}`)
      expect(first.headers.get('content-length')).toBe('10')
      expect(await bodyBytes(first)).toEqual(image.subarray(0, 10))
      const suffix = await fetchMedia(team.viewer, assetId, { headers: { range: 'bytes=-500' } })
      expect(suffix.headers.get('content-range')).toBe(`bytes ${size - 500}-${size - 1}/${size}`)
      expect(await bodyBytes(suffix)).toEqual(image.subarray(size - 500))
      const open = await fetchMedia(team.viewer, assetId, { headers: { range: 'bytes=0-' } })
      expect(open.status).toBe(206)
      expect(await bodyBytes(open)).toEqual(image)
    })

    it('answers 416 for a range it cannot serve, and the whole file for several ranges', async () => {
      for (const range of ['bytes=5-2', `bytes=${image.length}-`]) {
        const response = await fetchMedia(team.viewer, assetId, { headers: { range } })
        expect(response.status, range).toBe(416)
        expect(response.headers.get('content-range')).toBe(`bytes */${image.length}`)
      }
      const several = await fetchMedia(team.viewer, assetId, { headers: { range: 'bytes=0-1,5-9' } })
      expect(several.status).toBe(200)
      expect(await bodyBytes(several)).toEqual(image)
    })

    it('ignores a range for another version (If-Range) and answers 304 to a current ETag', async () => {
      const etag = (await fetchMedia(team.viewer, assetId, { method: 'HEAD' })).headers.get('etag')!
      const stale = await fetchMedia(team.viewer, assetId, { headers: { range: 'bytes=0-9', 'if-range': '"something-else"' } })
      expect(stale.status).toBe(200)
      await stale.body?.cancel() // a client that stops reading: the file handle must be released
      const current = await fetchMedia(team.viewer, assetId, { headers: { range: 'bytes=0-9', 'if-range': etag } })
      expect(current.status).toBe(206)
      expect(await bodyBytes(current)).toEqual(image.subarray(0, 10))
      const cached = await fetchMedia(team.viewer, assetId, { headers: { 'if-none-match': etag } })
      expect(cached.status).toBe(304)
      expect(cached.body).toBeNull()
    })

    it('answers HEAD with the headers and no body', async () => {
      const response = await fetchMedia(team.viewer, assetId, { method: 'HEAD' })
      expect(response.status).toBe(200)
      expect(response.headers.get('content-length')).toBe(String(image.length))
      expect(response.body).toBeNull()
    })

    it('answers 401 to the signed-out and the same 404 to strangers as to unknown ids', async () => {
      expect((await fetchMedia(null, assetId)).status).toBe(401)
      const stranger = await seedUser('Media stranger')
      const foreign = await fetchMedia(stranger, assetId)
      const unknown = await fetchMedia(stranger, 'no-such-asset')
      expect(foreign.status).toBe(404)
      expect(await foreign.json()).toEqual(await unknown.json())
    })
  })
})
