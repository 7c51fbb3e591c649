// A panel drawn over a generated background: the editor's render names the background as its parent (the
// X-Storyreel-Parents header), and the ledger records the render as AI-assisted. Called the way Next.js calls the
// upload route, with the actor set by runAsActor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST } from '@/app/api/projects/[projectId]/assets/route'
import type { DatabaseHandle } from '@/db/client'
import { openTestDatabase } from '@/db/test-database'
import { buildDisclosureSummary } from '@/lib/provenance/build-disclosure-summary'
import { png } from '@/lib/media/testing/image-fixtures'
import { aiConfigFromEnv } from '@/server/ai/ai-config'
import { runAsActor } from '@/server/auth/actor-context'
import type { Actor } from '@/server/auth/require-role'
import { useTemporaryMediaStorage } from '@/server/services/assets/testing'
import { createProject } from '@/server/services/projects/create-project'
import { listProjectProvenance } from '@/server/services/provenance/list-project-provenance'
import { seedTeam } from '@/server/services/testing/fixtures'
import { generateBackgroundImages } from './generate-background-images'

function upload(actor: Actor, projectId: string, headers: Record<string, string>) {
  const request = new Request(`http://storyreel.test/api/projects/${projectId}/assets`, { method: 'POST', body: png(32, 18), headers: { 'content-type': 'image/png', ...headers } })
  return runAsActor(actor, () => POST(request, { params: Promise.resolve({ projectId }) }))
}

describe('provenance of a panel drawn over a generated background', () => {
  let handle: DatabaseHandle
  let media: Awaited<ReturnType<typeof useTemporaryMediaStorage>>
  let team: Awaited<ReturnType<typeof seedTeam>>
  let projectId: string
  beforeAll(async () => {
    handle = await openTestDatabase()
    media = await useTemporaryMediaStorage()
    team = await seedTeam('Drawn over')
    projectId = (await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'Pilot', frameRate: '24', resolution: '1280x720' })).projectId
  })
  afterAll(async () => {
    await handle.close()
    await media.cleanup()
  })

  it('records the render as ai_assisted with the background as parent, and the disclosure counts the panel', async () => {
    const generated = await generateBackgroundImages({ actor: team.editor, projectId, request: { prompt: 'moonlit forest', seed: 3 }, config: aiConfigFromEnv({}) })
    const backgroundId = generated.images[0]!.assetId
    const response = await upload(team.editor, projectId, { 'x-filename': 'panel-1.png', 'x-storyreel-origin': 'human', 'x-storyreel-parents': backgroundId })
    expect(response.status).toBe(201)
    const render = (await response.json()) as { id: string }
    const plain = (await (await upload(team.editor, projectId, { 'x-filename': 'panel-2.png', 'x-storyreel-origin': 'human' })).json()) as { id: string }

    const ledger = await listProjectProvenance({ actor: team.viewer, projectId })
    const rowOf = (assetId: string) => ledger.find((entry) => entry.assetId === assetId)
    expect(rowOf(render.id)).toMatchObject({ origin: 'ai_assisted', parentAssetIds: [backgroundId], actorUserId: team.editor.userId })
    expect(rowOf(plain.id)).toMatchObject({ origin: 'human', parentAssetIds: [] })

    const summary = buildDisclosureSummary({
      panels: [
        { id: 'panel-1', assetIds: [render.id] },
        { id: 'panel-2', assetIds: [plain.id] },
      ],
      entries: ledger,
    })
    expect(summary.panels).toMatchObject({ total: 2, withAiImagery: 1, withAiImageryIds: ['panel-1'] })
  })

  it('keeps a render over an imported reference as made by a person, with the reference as parent', async () => {
    const reference = (await (await upload(team.editor, projectId, { 'x-filename': 'scout.png' })).json()) as { id: string }
    const render = (await (await upload(team.editor, projectId, { 'x-storyreel-origin': 'human', 'x-storyreel-parents': reference.id })).json()) as { id: string }
    const ledger = await listProjectProvenance({ actor: team.viewer, projectId })
    expect(ledger.find((entry) => entry.assetId === render.id)).toMatchObject({ origin: 'human', parentAssetIds: [reference.id] })
  })

  it('refuses a parent from another project, storing nothing', async () => {
    const other = (await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'Other', frameRate: '24', resolution: '1280x720' })).projectId
    const theirs = await generateBackgroundImages({ actor: team.editor, projectId: other, request: { prompt: 'dunes' }, config: aiConfigFromEnv({}) })
    const before = (await listProjectProvenance({ actor: team.viewer, projectId })).length
    const response = await upload(team.editor, projectId, { 'x-storyreel-origin': 'human', 'x-storyreel-parents': theirs.images[0]!.assetId })
    expect(response.status).toBe(404)
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('An asset this one was made from was not found in this project.')
    expect(await listProjectProvenance({ actor: team.viewer, projectId })).toHaveLength(before)
  })
})
