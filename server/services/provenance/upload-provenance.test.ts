// The image upload route writes a ledger row for every stored image: imported unless the panel editor says it is
// its own render of a drawing. Called the way Next.js calls the handler, with the actor set by runAsActor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST } from '@/app/api/projects/[projectId]/assets/route'
import type { DatabaseHandle } from '@/db/client'
import { openTestDatabase } from '@/db/test-database'
import { png } from '@/lib/media/testing/image-fixtures'
import type { Actor } from '@/server/auth/require-role'
import { runAsActor } from '@/server/auth/actor-context'
import { createProject } from '@/server/services/projects/create-project'
import { filesUnder, useTemporaryMediaStorage } from '@/server/services/assets/testing'
import { seedTeam } from '@/server/services/testing/fixtures'
import { listProjectProvenance } from './list-project-provenance'

function upload(actor: Actor, projectId: string, headers: Record<string, string>) {
  const request = new Request(`http://storyreel.test/api/projects/${projectId}/assets`, { method: 'POST', body: png(32, 18), headers: { 'content-type': 'image/png', ...headers } })
  return runAsActor(actor, () => POST(request, { params: Promise.resolve({ projectId }) }))
}

describe('provenance of uploaded images', () => {
  let handle: DatabaseHandle
  let media: Awaited<ReturnType<typeof useTemporaryMediaStorage>>
  let team: Awaited<ReturnType<typeof seedTeam>>
  let projectId: string
  beforeAll(async () => {
    handle = await openTestDatabase()
    media = await useTemporaryMediaStorage()
    team = await seedTeam('Uploads')
    projectId = (await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'Pilot', frameRate: '24', resolution: '1920x1080' })).projectId
  })
  afterAll(async () => {
    await handle.close()
    await media.cleanup()
  })

  it('records a reference image as imported and the panel editor’s render as made by a person', async () => {
    const reference = (await (await upload(team.editor, projectId, { 'x-filename': 'location-scout.png' })).json()) as { id: string }
    const drawing = (await (await upload(team.editor, projectId, { 'x-filename': 'panel-1.png', 'x-storyreel-origin': 'human' })).json()) as { id: string }
    const ledger = await listProjectProvenance({ actor: team.viewer, projectId })
    expect(ledger.map((entry) => [entry.assetId, entry.origin, entry.category, entry.actorUserId])).toEqual([
      [reference.id, 'imported', 'visuals', team.editor.userId],
      [drawing.id, 'human', 'visuals', team.editor.userId],
    ])
  })

  it('refuses an origin a client may not claim, and stores nothing', async () => {
    const before = await filesUnder(media.root)
    const response = await upload(team.editor, projectId, { 'x-storyreel-origin': 'ai_generated' })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/X-Storyreel-Origin must be "human" or "imported"/)
    expect(await filesUnder(media.root)).toEqual(before)
  })
})
