// The board-edit download, called the way Next.js calls it: the zip holds the XML and the panels' own images.
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import type { DatabaseHandle } from '@/db/client'
import { assets } from '@/db/schema'
import { openTestDatabase } from '@/db/test-database'
import type { Actor } from '@/server/auth/require-role'
import { runAsActor } from '@/server/auth/actor-context'
import { solidPng } from '@/server/media/animatic/testing/inspect-render'
import { assetStorageKey } from '@/server/media/storage/storage-key'
import { useTemporaryMediaStorage } from '@/server/services/assets/testing'
import { changeBoard } from '@/server/services/boards/change-board'
import { createProject } from '@/server/services/projects/create-project'
import { seedTeam, seedUser } from '@/server/services/testing/fixtures'
import { GET } from '@/app/api/projects/[projectId]/exports/board-edit.zip/route'

function download(actor: Actor | null, projectId: string, query: string) {
  const request = new Request(`http://storyreel.test/api/projects/${projectId}/exports/board-edit.zip${query}`)
  return runAsActor(actor, () => GET(request, { params: Promise.resolve({ projectId }) }))
}

describe('board-edit.zip route', () => {
  let handle: DatabaseHandle
  let media: Awaited<ReturnType<typeof useTemporaryMediaStorage>>
  let team: Awaited<ReturnType<typeof seedTeam>>
  let projectId: string
  let picture: Uint8Array
  beforeAll(async () => {
    handle = await openTestDatabase()
    media = await useTemporaryMediaStorage()
    team = await seedTeam('Board edit')
    ;({ projectId } = await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'Night bus', frameRate: '29.97DF', resolution: '1280x720' }))
    picture = solidPng('#ff0000', 640, 360)
    const id = crypto.randomUUID()
    const storageKey = assetStorageKey({ projectId, assetId: id, name: 'red.png' })
    const { size } = await media.storage.put(storageKey, picture, { contentType: 'image/png' })
    const db = await getDb()
    await db.insert(assets).values({ id, workspaceId: team.workspaceId, projectId, kind: 'image', storageKey, originalName: 'red.png', mime: 'image/png', bytes: size, sha256: '0'.repeat(64) })
    await changeBoard({
      actor: team.owner,
      projectId,
      change: (board) => {
        const shotId = board.insertShot({ sceneId: board.insertScene() })
        board.insertPanel({ shotId }, { durationFrames: 45, imageAssetId: id })
        board.insertPanel({ shotId }, { durationFrames: 15 })
      },
    })
  })
  afterAll(async () => {
    await handle.close()
    await media.cleanup()
  })

  it('gives a viewer the Final Cut zip: the panel image at full size and a gap for the panel without one', async () => {
    const response = await download(team.viewer, projectId, '?format=fcpxml')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/zip')
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="night-bus-final-cut-xml-\d{4}-\d{2}-\d{2}\.zip"$/)
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()))
    expect(Object.keys(files).sort()).toEqual(['media/0001-sc1-1A-p1.png', 'storyboard-final-cut.fcpxml'])
    expect(Buffer.from(files['media/0001-sc1-1A-p1.png']!).equals(Buffer.from(picture))).toBe(true)
    const xml = strFromU8(files['storyboard-final-cut.fcpxml']!)
    expect(xml).toContain('frameDuration="1001/30000s" width="1280" height="720"')
    expect(xml).toContain('tcFormat="DF"')
    expect(xml).toContain('<gap name="Sc 1 · 1A · p2"')
    expect(xml).toContain('name="FFVideoFormatRateUndefined" width="640" height="360"')
  })

  it('gives Premiere its xmeml with the sequence as long as the board', async () => {
    const response = await download(team.viewer, projectId, '?format=xmeml')
    const xml = strFromU8(unzipSync(new Uint8Array(await response.arrayBuffer()))['storyboard-premiere.xml']!)
    expect(xml).toContain('<xmeml version="5">')
    expect(xml).toMatch(/<sequence id="sequence-1">\n {4}<name>Night bus<\/name>\n {4}<duration>60<\/duration>/)
  })

  it('refuses an unknown format with a sentence, and hides the project from outsiders', async () => {
    const bad = await download(team.viewer, projectId, '?format=edl')
    expect(bad.status).toBe(400)
    expect(JSON.stringify(await bad.json())).toContain('Choose format=xmeml (Premiere) or format=fcpxml (Final Cut).')
    expect((await download(await seedUser('Board outsider'), projectId, '?format=xmeml')).status).toBe(404)
    expect((await download(null, projectId, '?format=xmeml')).status).toBe(401)
  })
})
