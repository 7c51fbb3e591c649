// The disclosure report read from a real ledger, board and animatic version, and the three report routes called the
// way Next.js calls them.
import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as getJson } from '@/app/api/projects/[projectId]/disclosure/report.json/route'
import { GET as getMarkdown } from '@/app/api/projects/[projectId]/disclosure/report.md/route'
import { GET as getPdf } from '@/app/api/projects/[projectId]/disclosure/report.pdf/route'
import { getDb } from '@/db'
import type { DatabaseHandle } from '@/db/client'
import { assets, reviewVersions } from '@/db/schema'
import { openTestDatabase } from '@/db/test-database'
import { disclosureReport } from '@/lib/provenance/disclosure-report'
import type { Actor } from '@/server/auth/require-role'
import { runAsActor } from '@/server/auth/actor-context'
import { changeBoard } from '@/server/services/boards/change-board'
import { createProject } from '@/server/services/projects/create-project'
import { createReviewItem } from '@/server/services/review/create-review-item'
import { createReviewVersion } from '@/server/services/review/create-review-version'
import { seedVideoAsset } from '@/server/services/review/review-fixtures'
import { outcome, seedTeam, seedUser } from '@/server/services/testing/fixtures'
import { getProjectDisclosure } from './get-project-disclosure'
import { recordProvenance } from './record-provenance'

async function seedImage(workspaceId: string, projectId: string, name: string): Promise<string> {
  const db = await getDb()
  const id = crypto.randomUUID()
  await db.insert(assets).values({
    id, workspaceId, projectId, kind: 'image', storageKey: `projects/${projectId}/${id}/original`, originalName: name, mime: 'image/png', bytes: 100, sha256: crypto.randomBytes(32).toString('hex'),
  })
  return id
}

const routeCall = (route: (request: Request, context: { params: Promise<{ projectId: string }> }) => Promise<Response>, actor: Actor | null, projectId: string, query = '') =>
  runAsActor(actor, () => route(new Request(`http://storyreel.test/api/projects/${projectId}/disclosure/report${query}`), { params: Promise.resolve({ projectId }) }))

describe('AI disclosure report', () => {
  let handle: DatabaseHandle
  let team: Awaited<ReturnType<typeof seedTeam>>
  let projectId: string
  let panelIds: string[]
  beforeAll(async () => {
    handle = await openTestDatabase()
    team = await seedTeam('Disclosure')
    ;({ projectId } = await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'Harbour lights', frameRate: '25', resolution: '1920x1080' }))
    // Panel 1: a generated background under a human drawing. Panel 2: drawn over a generated image (ai_assisted).
    // Panel 3: a person's drawing. Panel 4: an imported reference. Plus music that was imported.
    const background = await seedImage(team.workspaceId, projectId, 'background.png')
    const drawing1 = await seedImage(team.workspaceId, projectId, 'panel-1.png')
    const generated = await seedImage(team.workspaceId, projectId, 'generated.png')
    const drawing2 = await seedImage(team.workspaceId, projectId, 'panel-2.png')
    const drawing3 = await seedImage(team.workspaceId, projectId, 'panel-3.png')
    const reference = await seedImage(team.workspaceId, projectId, 'reference.jpg')
    const score = await seedImage(team.workspaceId, projectId, 'score.wav')
    const record = (assetId: string, details: Parameters<typeof recordProvenance>[0]['details']) => recordProvenance({ projectId, assetId, actorUserId: team.editor.userId, details })
    await record(background, { origin: 'ai_generated', category: 'visuals', provider: 'offline', model: 'storyreel-offline-backdrop', prompt: 'harbour at dusk | fog', seed: 42 })
    await record(drawing1, { origin: 'human', category: 'visuals' })
    await record(generated, { origin: 'ai_generated', category: 'visuals', provider: 'openai', model: 'gpt-image-1', prompt: 'a lighthouse' })
    await record(drawing2, { origin: 'ai_assisted', category: 'visuals', parentAssetIds: [generated] })
    await record(drawing3, { origin: 'human', category: 'visuals' })
    await record(reference, { origin: 'imported', category: 'visuals' })
    await record(score, { origin: 'imported', category: 'music' })
    ;({ result: panelIds } = await changeBoard({
      actor: team.owner,
      projectId,
      change: (board) => {
        const shotId = board.insertShot({ sceneId: board.insertScene() })
        return [
          board.insertPanel({ shotId }, { durationFrames: 50, imageAssetId: drawing1, backgroundAssetId: background }),
          board.insertPanel({ shotId }, { durationFrames: 25, imageAssetId: drawing2 }),
          board.insertPanel({ shotId }, { durationFrames: 100, imageAssetId: drawing3 }),
          board.insertPanel({ shotId }, { durationFrames: 25, imageAssetId: reference }),
        ]
      },
    }))
  })
  afterAll(() => handle.close())

  it('counts panels with AI imagery, names the models, and has no animatic yet', async () => {
    const report = await getProjectDisclosure({ actor: team.viewer, projectId, now: new Date('2026-11-25T06:00:00Z') })
    expect(disclosureReport.parse(report)).toEqual(report)
    expect(report.summary.panels).toEqual({ total: 4, withAiImagery: 2, withAiImageryIds: [panelIds[0], panelIds[1]] })
    expect(report.summary.animatic).toEqual({ status: 'none' })
    expect(report.summary.models.map((m) => `${m.provider}/${m.model}`).sort()).toEqual(['offline/storyreel-offline-backdrop', 'openai/gpt-image-1'])
    expect(report.summary.byCategory.visuals).toEqual({ human: 2, imported: 1, ai_generated: 2, ai_assisted: 1 })
    expect(report.summary.byCategory.music).toEqual({ human: 0, imported: 1, ai_generated: 0, ai_assisted: 0 })
    expect(report.entries).toHaveLength(7)
    expect(report.entries[0]).toMatchObject({ assetName: 'background.png', origin: 'ai_generated', seed: 42, recordedBy: 'Disclosure Editor' })
  })

  it('measures the latest animatic: the AI panels’ frames from the stored panel map, in seconds', async () => {
    const { reviewItemId } = await createReviewItem({ actor: team.owner, projectId, title: 'Animatic', kind: 'animatic' })
    const first = await createReviewVersion({ actor: team.owner, projectId, reviewItemId, source: 'animatic', assetId: await seedVideoAsset({ workspaceId: team.workspaceId, projectId, durationFrames: 200 }) })
    // v1 predates stored timing: the board's timing stands in (panels 1 and 2 = 75 frames = 3 s at 25 fps).
    let report = await getProjectDisclosure({ actor: team.viewer, projectId })
    expect(report.summary.animatic).toMatchObject({ status: 'rendered', versionNumber: first.number, frames: 200, seconds: 8, aiFrames: 75, aiSeconds: 3, timingFrom: 'board', frameRate: '25/1' })

    const second = await createReviewVersion({ actor: team.owner, projectId, reviewItemId, source: 'animatic', assetId: await seedVideoAsset({ workspaceId: team.workspaceId, projectId, durationFrames: 150 }) })
    const db = await getDb()
    await db
      .update(reviewVersions)
      .set({
        panelMap: [
          { panelId: panelIds[0]!, label: 'Scene 1 · Shot 1A · panel 1', frameIn: 0, frameOut: 30 },
          { panelId: panelIds[2]!, label: 'Scene 1 · Shot 1A · panel 3', frameIn: 30, frameOut: 130 },
          { panelId: panelIds[1]!, label: 'Scene 1 · Shot 1A · panel 2', frameIn: 130, frameOut: 150 },
        ],
      })
      .where(eq(reviewVersions.id, second.versionId))
    report = await getProjectDisclosure({ actor: team.viewer, projectId })
    expect(report.summary.animatic).toMatchObject({ versionNumber: second.number, frames: 150, aiFrames: 50, aiSeconds: 2, timingFrom: 'render' })
  })

  it('hides the report from outsiders and the signed-out', async () => {
    const outsider = await seedUser('Disclosure outsider')
    expect(await outcome(() => getProjectDisclosure({ actor: outsider, projectId }))).toBe('NOT_FOUND')
    expect(await outcome(() => getProjectDisclosure({ actor: null, projectId }))).toBe('UNAUTHENTICATED')
  })

  it('serves JSON, Markdown and PDF to a viewer, and nothing to an outsider', async () => {
    const json = await routeCall(getJson, team.viewer, projectId, '.json')
    expect(json.status).toBe(200)
    expect(json.headers.get('content-disposition')).toMatch(/^attachment; filename="harbour-lights-ai-disclosure-\d{4}-\d{2}-\d{2}\.json"$/)
    const body = disclosureReport.parse(await json.json())
    expect(body.version).toBe(1)
    expect(body.summary.panels.withAiImagery).toBe(2)

    const markdown = await (await routeCall(getMarkdown, team.viewer, projectId, '.md')).text()
    expect(markdown).toContain('- 2 of 4 panels contain AI-generated imagery.')
    // A "|" in a prompt is escaped so the ledger table keeps its columns.
    expect(markdown).toContain('harbour at dusk \\| fog')

    const pdfResponse = await routeCall(getPdf, team.viewer, projectId, '.pdf')
    expect(pdfResponse.headers.get('content-type')).toBe('application/pdf')
    const pdf = await PDFDocument.load(new Uint8Array(await pdfResponse.arrayBuffer()))
    expect(pdf.getTitle()).toBe('Harbour lights — AI disclosure')
    expect(pdf.getSubject()).toContain('2 of 4 panels contain AI-generated imagery.')
    expect((await routeCall(getPdf, team.viewer, projectId, '.pdf?paper=a3')).status).toBe(400)

    const outsider = await seedUser('Report outsider')
    expect((await routeCall(getJson, outsider, projectId, '.json')).status).toBe(404)
    expect((await routeCall(getMarkdown, null, projectId, '.md')).status).toBe(401)
  })
})
