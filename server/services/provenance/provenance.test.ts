import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import type { DatabaseHandle } from '@/db/client'
import { assets, provenance } from '@/db/schema'
import { openTestDatabase } from '@/db/test-database'
import { buildDisclosureSummary } from '@/lib/provenance/build-disclosure-summary'
import { createProject } from '@/server/services/projects/create-project'
import { outcome, seedTeam, seedUser, seedWorkspace } from '@/server/services/testing/fixtures'
import { listProjectProvenance } from './list-project-provenance'
import { recordProvenance } from './record-provenance'

async function seedImage(workspaceId: string, projectId: string, name = 'image.png'): Promise<string> {
  const db = await getDb()
  const id = crypto.randomUUID()
  await db.insert(assets).values({
    id,
    workspaceId,
    projectId,
    kind: 'image',
    storageKey: `projects/${projectId}/${id}/original`,
    originalName: name,
    mime: 'image/png',
    bytes: 100,
    sha256: crypto.randomBytes(32).toString('hex'),
    width: 16,
    height: 9,
  })
  return id
}

describe('provenance ledger', () => {
  let handle: DatabaseHandle
  let team: Awaited<ReturnType<typeof seedTeam>>
  let projectId: string
  beforeAll(async () => {
    handle = await openTestDatabase()
    team = await seedTeam('Ledger')
    ;({ projectId } = await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'Night shoot', frameRate: '24', resolution: '1920x1080' }))
  })
  afterAll(() => handle.close())

  it('records a generated background and a drawing made over it, and lists them oldest first with who made them', async () => {
    const background = await seedImage(team.workspaceId, projectId, 'background.png')
    const drawing = await seedImage(team.workspaceId, projectId, 'panel.png')
    await recordProvenance({
      projectId,
      assetId: background,
      actorUserId: team.editor.userId,
      details: { origin: 'ai_generated', category: 'visuals', provider: 'offline', model: 'backdrop-1', prompt: 'desert at sunset', seed: 4_000_000_000, parameters: { size: '1920x1080' } },
    })
    await recordProvenance({ projectId, assetId: drawing, actorUserId: team.editor.userId, details: { origin: 'ai_assisted', category: 'visuals', parentAssetIds: [background] } })

    const entries = await listProjectProvenance({ actor: team.viewer, projectId })
    expect(entries.map((e) => [e.assetName, e.origin])).toEqual([
      ['background.png', 'ai_generated'],
      ['panel.png', 'ai_assisted'],
    ])
    expect(entries[0]).toMatchObject({ provider: 'offline', model: 'backdrop-1', prompt: 'desert at sunset', seed: 4_000_000_000, parameters: { size: '1920x1080' }, actorName: 'Ledger Editor', assetDeleted: false })
    expect(entries[1]!.parentAssetIds).toEqual([background])

    const summary = buildDisclosureSummary({ panels: [{ id: 'p1', assetIds: [drawing] }], entries })
    expect(summary.panels.withAiImagery).toBe(1)
  })

  it('refuses an AI-generated row without its model, and writes nothing', async () => {
    const asset = await seedImage(team.workspaceId, projectId)
    await expect(recordProvenance({ projectId, assetId: asset, actorUserId: null, details: { origin: 'ai_generated', category: 'visuals', provider: 'openai' } })).rejects.toThrow(/provider and model/)
    const db = await getDb()
    const rows = await db.select().from(provenance)
    expect(rows.filter((row) => row.assetId === asset)).toHaveLength(0)
  })

  it('refuses an asset or a parent from another project, even in the same workspace', async () => {
    const { projectId: otherProject } = await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'Other', frameRate: '24', resolution: '1920x1080' })
    const foreign = await seedImage(team.workspaceId, otherProject)
    const mine = await seedImage(team.workspaceId, projectId)
    expect(await outcome(() => recordProvenance({ projectId, assetId: foreign, actorUserId: null, details: { origin: 'imported', category: 'visuals' } }))).toBe('NOT_FOUND')
    expect(
      await outcome(() => recordProvenance({ projectId, assetId: mine, actorUserId: null, details: { origin: 'human', category: 'visuals', parentAssetIds: [foreign] } })),
    ).toBe('NOT_FOUND')
  })

  it('lets every member read the ledger and nobody else', async () => {
    const stranger = await seedUser('Stranger')
    await seedWorkspace(stranger)
    expect(await outcome(() => listProjectProvenance({ actor: team.viewer, projectId }))).toBe('ok')
    expect(await outcome(() => listProjectProvenance({ actor: stranger, projectId }))).toBe('NOT_FOUND')
    expect(await outcome(() => listProjectProvenance({ actor: null, projectId }))).toBe('UNAUTHENTICATED')
  })
})
