import { eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { assets, backgroundGenerations, docPanels } from '@/db/schema'
import type { BackgroundGenerationStatus } from '@/lib/ai/background-generation-status'
import { isSettled } from '@/lib/jobs/job-status'
import { aiConfigFromEnv } from '@/server/ai/ai-config'
import { startFakeImageServer, type FakeImageServer } from '@/server/ai/testing/fake-image-server'
import type { JobQueue } from '@/server/jobs/job-queue'
import type { Workers } from '@/server/jobs/workers'
import { openTestQueue } from '@/server/jobs/testing/test-queue'
import { useTemporaryMediaStorage } from '@/server/services/assets/testing'
import { createProject } from '@/server/services/projects/create-project'
import { listProjectProvenance } from '@/server/services/provenance/list-project-provenance'
import { outcome, seedTeam } from '@/server/services/testing/fixtures'
import { cancelBackgroundGeneration } from './cancel-background-generation'
import { chooseBackgroundVariation } from './choose-background-variation'
import { createGenerateBackgroundJob, generateBackgroundJob } from './generate-background-job'
import { getBackgroundGeneration } from './get-background-generation'
import { startBackgroundGeneration } from './start-background-generation'

describe('background generation (start → job → status → choose)', () => {
  let queue: JobQueue
  let closeQueue: () => Promise<void>
  let media: Awaited<ReturnType<typeof useTemporaryMediaStorage>>
  let server: FakeImageServer
  let workers: Workers | null = null
  beforeAll(async () => {
    ;({ queue, close: closeQueue } = await openTestQueue())
    media = await useTemporaryMediaStorage()
    server = await startFakeImageServer()
  })
  afterEach(async () => {
    await workers?.stop()
    workers = null
  })
  afterAll(async () => {
    await server.close()
    await media.cleanup()
    await closeQueue()
  })

  async function freshPanel(label: string) {
    const team = await seedTeam(label)
    const { projectId } = await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: `${label} film`, frameRate: '24', resolution: '1280x720' })
    const panelId = `panel-${crypto.randomUUID()}`
    // Normally learned from the board document when the panel is added to it.
    await (await getDb()).insert(docPanels).values({ panelId, projectId })
    return { ...team, projectId, panelId }
  }

  async function settled(params: Parameters<typeof getBackgroundGeneration>[0]): Promise<BackgroundGenerationStatus> {
    let status = await getBackgroundGeneration(params)
    const deadline = Date.now() + 20_000
    while (!isSettled(status.state) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      status = await getBackgroundGeneration(params)
    }
    return status
  }

  it('generates offline variations for a panel, offers them with the offline label, and records the one placed', async () => {
    workers = queue.startWorkers({ jobs: [generateBackgroundJob] })
    const team = await freshPanel('Offline')
    const { generationId } = await startBackgroundGeneration({
      actor: team.editor,
      projectId: team.projectId,
      panelId: team.panelId,
      request: { prompt: 'foggy harbour at night', stylePreset: 'cinematic', variations: 3, seed: 40 },
    })
    const ask = { actor: team.editor, projectId: team.projectId, generationId }
    const status = await settled(ask)
    expect(status).toMatchObject({ state: 'completed', progress: 1, error: null, offline: true, generatorLabel: 'Offline generator (procedural, no AI model)', chosenAssetId: null })
    expect(status.variations.map((variation) => [variation.width, variation.height, variation.seed])).toEqual([
      [1280, 720, 40],
      [1280, 720, 41],
      [1280, 720, 42],
    ])
    expect(status.variations[1]!.url).toBe(`/api/media/${status.variations[1]!.assetId}`)

    const ledger = await listProjectProvenance({ actor: team.viewer, projectId: team.projectId })
    expect(ledger.filter((entry) => entry.origin === 'ai_generated').map((entry) => entry.assetId).sort()).toEqual(status.variations.map((v) => v.assetId).sort())
    expect(ledger[0]).toMatchObject({ provider: 'offline', prompt: 'foggy harbour at night', actorUserId: team.editor.userId })

    const second = status.variations[1]!
    const chosen = await chooseBackgroundVariation({ ...ask, actor: team.owner, assetId: second.assetId })
    expect(chosen).toEqual({ assetId: second.assetId, url: second.url, width: 1280, height: 720, mime: 'image/png', provider: 'offline', model: 'backdrop-1' })
    expect((await getBackgroundGeneration(ask)).chosenAssetId).toBe(second.assetId)
  })

  it('refuses a prompt over the limit before anything is queued, and a panel of another project', async () => {
    const team = await freshPanel('Refused')
    const other = await freshPanel('Other')
    const tooLong = 'x'.repeat(1001)
    await expect(outcome(() => startBackgroundGeneration({ actor: team.editor, projectId: team.projectId, panelId: team.panelId, request: { prompt: tooLong } }))).resolves.toBe('BAD_REQUEST')
    await expect(startBackgroundGeneration({ actor: team.editor, projectId: team.projectId, panelId: team.panelId, request: { prompt: tooLong } })).rejects.toMatchObject({
      userMessage: 'The prompt is too long: keep it to 1000 characters (it has 1001).',
    })
    await expect(outcome(() => startBackgroundGeneration({ actor: team.editor, projectId: team.projectId, panelId: other.panelId, request: { prompt: 'a field' } }))).resolves.toBe('NOT_FOUND')
    await expect(outcome(() => startBackgroundGeneration({ actor: team.commenter, projectId: team.projectId, panelId: team.panelId, request: { prompt: 'a field' } }))).resolves.toBe('FORBIDDEN')
    const rows = await (await getDb()).select().from(backgroundGenerations).where(eq(backgroundGenerations.projectId, team.projectId))
    expect(rows).toEqual([])
  })

  it('will not place an image that is not one of the generation’s variations, nor read another project’s generation', async () => {
    workers = queue.startWorkers({ jobs: [generateBackgroundJob] })
    const team = await freshPanel('Choosy')
    const { generationId } = await startBackgroundGeneration({ actor: team.owner, projectId: team.projectId, panelId: team.panelId, request: { prompt: 'red canyon' } })
    await settled({ actor: team.owner, projectId: team.projectId, generationId })
    const [unrelated] = await (await getDb())
      .insert(assets)
      .values({ workspaceId: team.workspaceId, projectId: team.projectId, kind: 'image', storageKey: 'x', originalName: 'x.png', mime: 'image/png', bytes: 1, sha256: 'x', width: 1, height: 1 })
      .returning({ id: assets.id })
    await expect(outcome(() => chooseBackgroundVariation({ actor: team.owner, projectId: team.projectId, generationId, assetId: unrelated!.id }))).resolves.toBe('NOT_FOUND')

    const stranger = await freshPanel('Stranger')
    await expect(outcome(() => getBackgroundGeneration({ actor: stranger.owner, projectId: stranger.projectId, generationId }))).resolves.toBe('NOT_FOUND')
    await expect(outcome(() => getBackgroundGeneration({ actor: stranger.owner, projectId: team.projectId, generationId }))).resolves.toBe('NOT_FOUND')
  })

  it('shows why a job failed (here: generation turned off) with no variations', async () => {
    workers = queue.startWorkers({ jobs: [createGenerateBackgroundJob({ config: aiConfigFromEnv({ AI_DAILY_IMAGE_BUDGET: '0' }) })] })
    const team = await freshPanel('Budget')
    const { generationId } = await startBackgroundGeneration({ actor: team.editor, projectId: team.projectId, panelId: team.panelId, request: { prompt: 'quiet street' } })
    const status = await settled({ actor: team.editor, projectId: team.projectId, generationId })
    expect(status).toMatchObject({ state: 'failed', variations: [], offline: null, error: 'Image generation is turned off on this server (AI_DAILY_IMAGE_BUDGET is 0).' })
  })

  it('cancels a provider call that is still waiting, leaving no image behind', async () => {
    server.script({ hang: true })
    const config = aiConfigFromEnv({ AI_IMAGE_MODEL: 'openai-compatible:sdxl-turbo', OPENAI_BASE_URL: server.baseUrl, AI_REQUEST_TIMEOUT_MS: '30000', AI_MAX_RETRIES: '0' })
    workers = queue.startWorkers({ jobs: [createGenerateBackgroundJob({ config })] })
    const team = await freshPanel('Cancel')
    const requestsBefore = server.requests.length
    const { generationId } = await startBackgroundGeneration({ actor: team.editor, projectId: team.projectId, panelId: team.panelId, request: { prompt: 'storm over the sea', variations: 2 } })
    const ask = { actor: team.editor, projectId: team.projectId, generationId }
    await expect.poll(() => server.requests.length, { timeout: 10_000 }).toBeGreaterThan(requestsBefore)
    await expect(cancelBackgroundGeneration(ask)).resolves.toEqual({ cancelled: true })
    const status = await settled(ask)
    expect(status).toMatchObject({ state: 'cancelled', variations: [] })
    expect(await (await getDb()).select().from(assets).where(eq(assets.projectId, team.projectId))).toEqual([])
    // Cancelling again once it is over is a no-op, not an error.
    await expect(cancelBackgroundGeneration(ask)).resolves.toEqual({ cancelled: false })
  })
})
