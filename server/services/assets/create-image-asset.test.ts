import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { DatabaseHandle } from '@/db/client'
import { assets } from '@/db/schema'
import { openTestDatabase } from '@/db/test-database'
import { concatBytes, htmlPage, jpeg, png, pngHeader } from '@/lib/media/testing/image-fixtures'
import { createProject } from '@/server/services/projects/create-project'
import { outcome, seedTeam, seedUser } from '@/server/services/testing/fixtures'
import { createImageAsset } from './create-image-asset'
import { getAsset } from './get-asset'
import { chunksOf, filesUnder, useTemporaryMediaStorage } from './testing'

describe('createImageAsset and getAsset', () => {
  let handle: DatabaseHandle
  let media: Awaited<ReturnType<typeof useTemporaryMediaStorage>>
  let team: Awaited<ReturnType<typeof seedTeam>>
  let projectId: string

  beforeAll(async () => {
    handle = await openTestDatabase()
    media = await useTemporaryMediaStorage()
    team = await seedTeam('Assets')
    projectId = (await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'Pilot', frameRate: '24', resolution: '1920x1080' })).projectId
  })
  afterAll(async () => {
    await handle.close()
    await media.cleanup()
  })
  afterEach(() => vi.unstubAllEnvs())

  const rowsFor = async (id: string) => (await handle.db.select().from(assets).where(eq(assets.projectId, id))).length

  it('stores an editor’s image and records what the bytes are, not what they claim', async () => {
    const image = jpeg(4032, 3024, { orientation: 6 })
    const created = await createImageAsset({ actor: team.editor, projectId, body: chunksOf(image, 10), filename: 'C:\\fakepath\\IMG_0042.png' })
    expect(created).toMatchObject({ url: `/api/media/${created.id}`, mime: 'image/jpeg', width: 3024, height: 4032, bytes: image.length, originalName: 'IMG_0042.png' })

    const asset = await getAsset({ actor: team.viewer, assetId: created.id })
    expect(asset).toMatchObject({
      workspaceId: team.workspaceId,
      projectId,
      kind: 'image',
      storageKey: `projects/${projectId}/${created.id}/original`,
      mime: 'image/jpeg',
      bytes: image.length,
      sha256: createHash('sha256').update(image).digest('hex'),
      width: 3024,
      height: 4032,
      durationFrames: null,
      createdBy: team.editor.userId,
      deletedAt: null,
    })
    const stored = await fs.readFile(path.join(media.root, ...asset.storageKey.split('/')))
    expect(Buffer.compare(stored, Buffer.from(image))).toBe(0)
  })

  it('lets owners and editors upload; commenters and viewers are refused before anything is stored', async () => {
    const before = await rowsFor(projectId)
    expect(await outcome(() => createImageAsset({ actor: team.owner, projectId, body: chunksOf(png(4, 4)) }))).toBe('ok')
    for (const actor of [team.commenter, team.viewer]) {
      let pulled = false
      async function* body() {
        pulled = true
        yield png(4, 4)
      }
      expect(await outcome(() => createImageAsset({ actor, projectId, body: body() }))).toBe('FORBIDDEN')
      expect(pulled).toBe(false)
    }
    expect(await outcome(() => createImageAsset({ actor: null, projectId, body: chunksOf(png(4, 4)) }))).toBe('UNAUTHENTICATED')
    expect(await rowsFor(projectId)).toBe(before + 1)
  })

  it('answers NOT_FOUND for another workspace’s project and its files, the same as for ids that do not exist', async () => {
    const stranger = await seedUser('Stranger')
    expect(await outcome(() => createImageAsset({ actor: stranger, projectId, body: chunksOf(png(4, 4)) }))).toBe('NOT_FOUND')
    const { id } = await createImageAsset({ actor: team.editor, projectId, body: chunksOf(png(4, 4)) })
    const foreign = await getAsset({ actor: stranger, assetId: id }).catch((error: unknown) => error)
    const missing = await getAsset({ actor: stranger, assetId: 'no-such-asset' }).catch((error: unknown) => error)
    expect(foreign).toMatchObject({ code: 'NOT_FOUND', userMessage: 'That file was not found.' })
    expect(missing).toMatchObject({ code: 'NOT_FOUND', userMessage: 'That file was not found.' })
  })

  it('treats a deleted asset as gone', async () => {
    const { id } = await createImageAsset({ actor: team.editor, projectId, body: chunksOf(png(4, 4)) })
    await handle.db.update(assets).set({ deletedAt: new Date() }).where(eq(assets.id, id))
    expect(await outcome(() => getAsset({ actor: team.owner, assetId: id }))).toBe('NOT_FOUND')
  })

  it('refuses an upload over MAX_IMAGE_BYTES with 413 and leaves no file or row behind', async () => {
    vi.stubEnv('MAX_IMAGE_BYTES', '20000')
    const filesBefore = await filesUnder(media.root)
    const rowsBefore = await rowsFor(projectId)
    const error = await createImageAsset({ actor: team.editor, projectId, body: chunksOf(png(300, 200), 4096) }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 })
    expect(await filesUnder(media.root)).toEqual(filesBefore)
    expect(await rowsFor(projectId)).toBe(rowsBefore)
  })

  it('leaves nothing behind for a file that is not an image, or that declares an absurd size', async () => {
    const filesBefore = await filesUnder(media.root)
    const rowsBefore = await rowsFor(projectId)
    const html = await createImageAsset({ actor: team.editor, projectId, body: chunksOf(htmlPage), filename: 'photo.png' }).catch((e: unknown) => e)
    expect(html).toMatchObject({ status: 415 })
    const bomb = await createImageAsset({ actor: team.editor, projectId, body: chunksOf(concatBytes(pngHeader(60_000, 60_000), new Uint8Array(100_000))) }).catch((e: unknown) => e)
    expect(bomb).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' })
    const truncated = await createImageAsset({ actor: team.editor, projectId, body: chunksOf(png(50, 50).subarray(0, 400)) }).catch((e: unknown) => e)
    expect(truncated).toMatchObject({ status: 415 })
    expect(await filesUnder(media.root)).toEqual(filesBefore)
    expect(await rowsFor(projectId)).toBe(rowsBefore)
  })

  it('removes the stored file when the row cannot be written', async () => {
    const filesBefore = await filesUnder(media.root)
    // A project id that passes the access check but then vanishes: deleted between the check and the insert.
    const { projectId: doomed } = await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'Doomed', frameRate: '24', resolution: '1920x1080' })
    async function* bodyThatDeletesTheProject() {
      yield png(4, 4)
      await handle.query('DELETE FROM projects WHERE id = $1', [doomed])
    }
    const error = await createImageAsset({ actor: team.editor, projectId: doomed, body: bodyThatDeletesTheProject() }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect(await filesUnder(media.root)).toEqual(filesBefore)
  })
})
