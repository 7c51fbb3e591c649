// Upload → serve with media in an S3-compatible bucket (s3rver): the image upload route stores through S3Storage and
// the unchanged media route answers ranges, 416 and a missing object from it. Tests may import app/.
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { POST } from '@/app/api/projects/[projectId]/assets/route'
import { GET, HEAD } from '@/app/api/media/[assetId]/route'
import type { DatabaseHandle } from '@/db/client'
import { openTestDatabase } from '@/db/test-database'
import { png } from '@/lib/media/testing/image-fixtures'
import type { Actor } from '@/server/auth/require-role'
import { runAsActor } from '@/server/auth/actor-context'
import { setStorage } from '@/server/media/storage/get-storage'
import { S3Storage } from '@/server/media/storage/s3-storage'
import { startS3rver, type RunningS3rver } from '@/server/media/storage/testing/start-s3rver'
import { createProject } from '@/server/services/projects/create-project'
import { seedTeam } from '@/server/services/testing/fixtures'
import { getAsset } from './get-asset'

const origin = 'http://storyreel.test'

function upload(actor: Actor, projectId: string, body: Uint8Array<ArrayBuffer>) {
  const request = new Request(`${origin}/api/projects/${projectId}/assets`, { method: 'POST', body, headers: { 'content-type': 'image/png', 'x-filename': 'shot-4a.png' } })
  return runAsActor(actor, () => POST(request, { params: Promise.resolve({ projectId }) }))
}

function fetchMedia(actor: Actor, assetId: string, init: { method?: 'GET' | 'HEAD'; range?: string } = {}) {
  const request = new Request(`${origin}/api/media/${assetId}`, { method: init.method ?? 'GET', headers: init.range ? { range: init.range } : {} })
  return runAsActor(actor, () => (init.method === 'HEAD' ? HEAD : GET)(request, { params: Promise.resolve({ assetId }) }))
}

describe('asset routes with media in S3', () => {
  let handle: DatabaseHandle
  let s3: RunningS3rver
  let storage: S3Storage
  let team: Awaited<ReturnType<typeof seedTeam>>
  let projectId: string
  const image = png(320, 240)
  let assetId: string

  beforeAll(async () => {
    handle = await openTestDatabase()
    s3 = await startS3rver()
    storage = new S3Storage(await s3.createBucket())
    setStorage(storage)
    team = await seedTeam('S3 routes')
    projectId = (await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'Pilot', frameRate: '24', resolution: '1920x1080' })).projectId
    const response = await upload(team.editor, projectId, image)
    expect(response.status).toBe(201)
    assetId = ((await response.json()) as { id: string }).id
  })
  afterAll(async () => {
    await handle.close()
    storage.destroy()
    await s3.close()
  })

  it('keeps the upload in the bucket under its asset key, with the size and hash the row records', async () => {
    const asset = await getAsset({ actor: team.viewer, assetId })
    expect(asset).toMatchObject({ bytes: image.length, sha256: createHash('sha256').update(image).digest('hex') })
    expect(await storage.stat(asset.storageKey)).toMatchObject({ size: image.length })
  })

  it('serves the whole file, a range as 206 with its Content-Range, and HEAD with the size only', async () => {
    const whole = await fetchMedia(team.viewer, assetId)
    expect(whole.status).toBe(200)
    expect(whole.headers.get('content-length')).toBe(String(image.length))
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(image)

    const part = await fetchMedia(team.viewer, assetId, { range: 'bytes=100-199' })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${image.length}`)
    expect(part.headers.get('content-length')).toBe('100')
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(image.subarray(100, 200))

    const tail = await fetchMedia(team.viewer, assetId, { range: 'bytes=-16' })
    expect(tail.headers.get('content-range')).toBe(`bytes ${image.length - 16}-${image.length - 1}/${image.length}`)
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(image.subarray(image.length - 16))

    const head = await fetchMedia(team.viewer, assetId, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(String(image.length))
    expect(head.body).toBeNull()
  })

  it('answers 416 for a range past the end', async () => {
    const response = await fetchMedia(team.viewer, assetId, { range: `bytes=${image.length}-` })
    expect(response.status).toBe(416)
    expect(response.headers.get('content-range')).toBe(`bytes */${image.length}`)
  })

  it('answers 404 when the object has gone from the bucket, and logs it', async () => {
    const created = await upload(team.editor, projectId, png(8, 8))
    const { id } = (await created.json()) as { id: string }
    await storage.delete((await getAsset({ actor: team.viewer, assetId: id })).storageKey)
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const response = await fetchMedia(team.viewer, id)
    expect(response.status).toBe(404)
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(`asset ${id} has no stored file`))
    logged.mockRestore()
  })
})
