import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import type { DatabaseHandle } from '@/db/client'
import { assets, provenance } from '@/db/schema'
import { openTestDatabase } from '@/db/test-database'
import { buildDisclosureSummary } from '@/lib/provenance/build-disclosure-summary'
import { aiConfigFromEnv } from '@/server/ai/ai-config'
import { pngBase64, startFakeImageServer, type FakeImageServer } from '@/server/ai/testing/fake-image-server'
import { createProject } from '@/server/services/projects/create-project'
import { listProjectProvenance } from '@/server/services/provenance/list-project-provenance'
import { filesUnder, useTemporaryMediaStorage } from '@/server/services/assets/testing'
import { outcome, seedTeam, seedUser, seedWorkspace } from '@/server/services/testing/fixtures'
import { generateBackgroundImages } from './generate-background-images'

describe('generateBackgroundImages', () => {
  let handle: DatabaseHandle
  let media: Awaited<ReturnType<typeof useTemporaryMediaStorage>>
  let server: FakeImageServer
  beforeAll(async () => {
    handle = await openTestDatabase()
    media = await useTemporaryMediaStorage()
    server = await startFakeImageServer()
  })
  afterAll(async () => {
    await server.close()
    await media.cleanup()
    await handle.close()
  })

  async function freshProject(label: string) {
    const team = await seedTeam(label)
    const { projectId } = await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: `${label} film`, frameRate: '24', resolution: '1280x720' })
    return { ...team, projectId }
  }
  const rowsFor = async (projectId: string) => {
    const db = await getDb()
    return {
      assets: await db.select().from(assets).where(eq(assets.projectId, projectId)),
      ledger: await db.select().from(provenance).where(eq(provenance.projectId, projectId)),
    }
  }

  it('stores each offline variation as an asset with an AI-generated ledger row, and says it was the offline generator', async () => {
    const team = await freshProject('Offline')
    const progress: number[] = []
    const result = await generateBackgroundImages({
      actor: team.editor,
      projectId: team.projectId,
      request: { prompt: 'desert road at sunset', negativePrompt: 'people', variations: 2, seed: 500, stylePreset: 'cinematic' },
      onProgress: (fraction) => progress.push(fraction),
      config: aiConfigFromEnv({}),
    })
    expect(result).toMatchObject({ offline: true, provider: 'offline', model: 'backdrop-1', generatorLabel: 'Offline generator (procedural, no AI model)' })
    expect(result.images.map((image) => [image.width, image.height, image.seed])).toEqual([
      [1280, 720, 500],
      [1280, 720, 501],
    ])
    expect(result.images[0]!.url).toBe(`/api/media/${result.images[0]!.assetId}`)
    expect(result.warnings).toContain('unsupported: negative prompt')
    expect(progress.at(-1)).toBe(1)

    const { assets: stored } = await rowsFor(team.projectId)
    expect(stored.map((asset) => asset.originalName).sort()).toEqual(['background-1.png', 'background-2.png'])
    expect(await filesUnder(media.root)).toEqual(expect.arrayContaining(stored.map((asset) => asset.storageKey)))

    const ledger = await listProjectProvenance({ actor: team.viewer, projectId: team.projectId })
    expect(ledger).toHaveLength(2)
    expect(ledger[0]).toMatchObject({
      origin: 'ai_generated',
      category: 'visuals',
      provider: 'offline',
      model: 'backdrop-1',
      prompt: 'desert road at sunset',
      negativePrompt: 'people',
      actorUserId: team.editor.userId,
      parameters: expect.objectContaining({ offline: true, stylePreset: 'cinematic', negativePromptApplied: false, size: '1280x720' }),
    })
    expect(ledger.map((entry) => entry.seed).sort()).toEqual([500, 501])

    const summary = buildDisclosureSummary({ panels: [{ id: 'panel-1', assetIds: [result.images[0]!.assetId] }, { id: 'panel-2', assetIds: [] }], entries: ledger })
    expect(summary.panels).toMatchObject({ total: 2, withAiImagery: 1 })
    expect(summary.models).toEqual([{ provider: 'offline', model: 'backdrop-1', assets: 2 }])
  })

  it('records a real provider’s answer the same way, without claiming a seed it does not take', async () => {
    const team = await freshProject('Remote')
    server.script({ status: 200, json: { data: [{ b64_json: await pngBase64(96, 54) }] } })
    const config = aiConfigFromEnv({ AI_IMAGE_MODEL: 'openai-compatible:sdxl-turbo', OPENAI_BASE_URL: server.baseUrl, AI_REQUEST_TIMEOUT_MS: '1000' })
    const result = await generateBackgroundImages({ actor: team.owner, projectId: team.projectId, request: { prompt: 'harbour at dawn', seed: 9 }, config })
    expect(result).toMatchObject({ offline: false, generatorLabel: 'openai-compatible · sdxl-turbo' })
    expect(result.images).toEqual([expect.objectContaining({ width: 96, height: 54, seed: null })])
    const { ledger } = await rowsFor(team.projectId)
    expect(ledger).toEqual([expect.objectContaining({ provider: 'openai-compatible', model: 'sdxl-turbo', seed: null, prompt: 'harbour at dawn' })])
  })

  it('leaves no file, asset or ledger row behind when the provider fails', async () => {
    const team = await freshProject('Failing')
    const before = (await filesUnder(media.root)).length
    server.script({ status: 500, json: { error: { message: 'down' } }, headers: { 'retry-after-ms': '1' } })
    const config = aiConfigFromEnv({ AI_IMAGE_MODEL: 'openai-compatible:sdxl-turbo', OPENAI_BASE_URL: server.baseUrl, AI_MAX_RETRIES: '0' })
    expect(await outcome(() => generateBackgroundImages({ actor: team.editor, projectId: team.projectId, request: { prompt: 'a barn', variations: 2 }, config }))).toBe('UNAVAILABLE')
    expect(await rowsFor(team.projectId)).toEqual({ assets: [], ledger: [] })
    expect((await filesUnder(media.root)).length).toBe(before)
  })

  it('lets editors and owners generate, and nobody else', async () => {
    const team = await freshProject('Roles')
    const stranger = await seedUser('Stranger')
    await seedWorkspace(stranger)
    const config = aiConfigFromEnv({})
    const run = (actor: typeof team.owner | null) => outcome(() => generateBackgroundImages({ actor, projectId: team.projectId, request: { prompt: 'a barn' }, config }))
    expect(await run(team.commenter)).toBe('FORBIDDEN')
    expect(await run(team.viewer)).toBe('FORBIDDEN')
    expect(await run(stranger)).toBe('NOT_FOUND')
    expect(await run(null)).toBe('UNAUTHENTICATED')
    expect((await rowsFor(team.projectId)).assets).toEqual([])
    expect(await run(team.owner)).toBe('ok')
  })

  it('refuses a prompt over the limit with how long it may be, before using any allowance', async () => {
    const team = await freshProject('Long')
    const config = aiConfigFromEnv({ AI_MAX_PROMPT_CHARS: '12', AI_RATE_LIMIT_PER_MINUTE: '1' })
    await expect(generateBackgroundImages({ actor: team.editor, projectId: team.projectId, request: { prompt: 'a long winding road' }, config })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      userMessage: 'The prompt is too long: keep it to 12 characters (it has 19).',
    })
    // The refused request did not use the one allowed generation this minute.
    expect(await outcome(() => generateBackgroundImages({ actor: team.editor, projectId: team.projectId, request: { prompt: 'a road' }, config }))).toBe('ok')
  })

  it('holds each workspace to its per-minute limit and daily image budget', async () => {
    const team = await freshProject('Limits')
    const other = await freshProject('Other limits')
    const perMinute = aiConfigFromEnv({ AI_RATE_LIMIT_PER_MINUTE: '2' })
    const request = { prompt: 'rainy city at night' }
    await generateBackgroundImages({ actor: team.editor, projectId: team.projectId, request, config: perMinute })
    await generateBackgroundImages({ actor: team.editor, projectId: team.projectId, request, config: perMinute })
    await expect(generateBackgroundImages({ actor: team.owner, projectId: team.projectId, request, config: perMinute })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      userMessage: expect.stringMatching(/^This workspace has asked for 2 generations in the last minute\. Try again in \d+ s\.$/),
    })
    // Another workspace has its own allowance.
    expect(await outcome(() => generateBackgroundImages({ actor: other.editor, projectId: other.projectId, request, config: perMinute }))).toBe('ok')

    const budget = aiConfigFromEnv({ AI_DAILY_IMAGE_BUDGET: '3', AI_RATE_LIMIT_PER_MINUTE: '100' })
    const third = await freshProject('Budget')
    await generateBackgroundImages({ actor: third.editor, projectId: third.projectId, request: { ...request, variations: 2 }, config: budget })
    await expect(generateBackgroundImages({ actor: third.editor, projectId: third.projectId, request: { ...request, variations: 2 }, config: budget })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      userMessage: 'This workspace has 1 of its 3 generated images left today, and this asks for 2. Ask for fewer variations, or wait: the budget resets in about 24 hours.',
    })
    // The refused request took nothing: the last image can still be had.
    await generateBackgroundImages({ actor: third.editor, projectId: third.projectId, request: { ...request, variations: 1 }, config: budget })
    await expect(generateBackgroundImages({ actor: third.editor, projectId: third.projectId, request, config: budget })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      userMessage: 'This workspace has used its 3 generated images for today. The budget resets in about 24 hours.',
    })
    expect((await rowsFor(third.projectId)).assets).toHaveLength(3)
  })
})
