// Every way an asset enters a project leaves a ledger row, and the disclosure report counts each under its category:
// an uploaded music track, a declared script with no file in Storyreel, a declared poster, and an uploaded cut.
import fs from 'node:fs/promises'
import path from 'node:path'
import { buffer } from 'node:stream/consumers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as uploadAudio } from '@/app/api/projects/[projectId]/audio/route'
import { GET as getMarkdown } from '@/app/api/projects/[projectId]/disclosure/report.md/route'
import type { DatabaseHandle } from '@/db/client'
import { assets } from '@/db/schema'
import { openTestDatabase } from '@/db/test-database'
import { getDb } from '@/db'
import { declareAiUseAction } from '@/server/actions/provenance/declare-ai-use'
import { runAsActor } from '@/server/auth/actor-context'
import { makeClip, tempFolder } from '@/server/media/ffmpeg/testing/clips'
import { useTemporaryMediaStorage } from '@/server/services/assets/testing'
import { createProject } from '@/server/services/projects/create-project'
import { createReviewItem } from '@/server/services/review/create-review-item'
import { finishCutUpload } from '@/server/services/review/finish-cut-upload'
import { seedTeam } from '@/server/services/testing/fixtures'
import { getProjectDisclosure } from './get-project-disclosure'

describe('ledger completeness', () => {
  let handle: DatabaseHandle
  let media: Awaited<ReturnType<typeof useTemporaryMediaStorage>>
  let folder: Awaited<ReturnType<typeof tempFolder>>
  let team: Awaited<ReturnType<typeof seedTeam>>
  let projectId: string
  beforeAll(async () => {
    handle = await openTestDatabase()
    media = await useTemporaryMediaStorage()
    folder = await tempFolder()
    team = await seedTeam('Ledger')
    projectId = (await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'Salt flats', frameRate: '24', resolution: '1920x1080' })).projectId
  })
  afterAll(async () => {
    await handle.close()
    await media.cleanup()
    await folder.cleanup()
  })

  it('counts uploaded music, a declared script, a declared poster and an uploaded cut under their categories', async () => {
    const wav = await fs.readFile(await makeClip(path.join(folder.dir, 'theme.wav'), { video: null, audio: 'sine=d=1', codecArgs: [] }))
    const request = new Request(`http://storyreel.test/api/projects/${projectId}/audio`, { method: 'POST', body: wav, headers: { 'x-filename': 'theme.wav', 'x-storyreel-category': 'music', 'x-storyreel-origin': 'imported' } })
    expect((await runAsActor(team.editor, () => uploadAudio(request, { params: Promise.resolve({ projectId }) }))).status).toBe(201)

    const script = await runAsActor(team.editor, () =>
      declareAiUseAction({ projectId, title: 'Scene 3 dialogue', category: 'script_dialogue', origin: 'ai_generated', provider: 'openai', model: 'gpt-4o', description: 'First draft generated from our outline, rewritten by the director.' }),
    )
    expect(script).toMatchObject({ ok: true })
    // The declaration is kept as a small text record, so its row has an asset like every other.
    const db = await getDb()
    const declared = (await db.select().from(assets)).find((row) => row.id === (script.ok ? script.data.assetId : ''))
    expect(declared).toMatchObject({ kind: 'document', originalName: 'Scene 3 dialogue', mime: 'text/plain' })
    const text = (await buffer((await media.storage.get(declared!.storageKey)).stream)).toString('utf8')
    expect(text).toContain('Model: gpt-4o')
    expect(text).toContain('First draft generated from our outline')

    // A poster already in the project, declared as marketing made with AI: its latest row is what counts.
    const poster = crypto.randomUUID()
    await db.insert(assets).values({ id: poster, workspaceId: team.workspaceId, projectId, kind: 'image', storageKey: `projects/${projectId}/${poster}/original`, originalName: 'poster.png', mime: 'image/png', bytes: 1, sha256: 'x', width: 1, height: 1 })
    expect(await runAsActor(team.owner, () => declareAiUseAction({ projectId, title: 'Festival poster', category: 'marketing', origin: 'ai_assisted', provider: 'midjourney', model: 'v6', description: 'Background generated, type set by hand.', assetId: poster }))).toMatchObject({ ok: true })

    const { reviewItemId } = await createReviewItem({ actor: team.owner, projectId, title: 'Teaser', kind: 'cut' })
    const cut = await makeClip(path.join(folder.dir, 'cut.mp4'))
    const { assetId: cutAssetId } = await finishCutUpload({ actor: team.editor, projectId, reviewItemId, filePath: cut, filename: 'teaser.mp4' })

    const report = await getProjectDisclosure({ actor: team.viewer, projectId })
    expect(report.summary.byCategory.music).toMatchObject({ imported: 1, ai_generated: 0 })
    expect(report.summary.byCategory.script_dialogue).toMatchObject({ ai_generated: 1 })
    expect(report.summary.byCategory.marketing).toMatchObject({ ai_assisted: 1 })
    expect(report.summary.byCategory.visuals).toMatchObject({ imported: 1, ai_assisted: 0 })
    expect(report.summary.models.map((use) => `${use.provider}:${use.model}`).sort()).toEqual(['midjourney:v6', 'openai:gpt-4o'])
    expect(report.entries.find((entry) => entry.assetId === cutAssetId)).toMatchObject({ origin: 'imported', category: 'visuals', assetKind: 'video', parameters: { source: 'cut-upload' } })

    const markdown = await (await runAsActor(team.viewer, () => getMarkdown(new Request(`http://storyreel.test/api/projects/${projectId}/disclosure/report.md`), { params: Promise.resolve({ projectId }) }))).text()
    expect(markdown).toContain('| Script and dialogue | 0 | 0 | 1 | 0 |')
    expect(markdown).toContain('| Music | 0 | 1 | 0 | 0 |')
    expect(markdown).toMatch(/\| Scene 3 dialogue \| Generated by AI \| Script and dialogue \| openai \| gpt-4o \| Declared: First draft generated/)
    expect(markdown).toMatch(/\| poster\.png \| Person working over AI output \| Marketing \| midjourney \| v6 \| Declared \(Festival poster\): Background generated/)
  })

  it('refuses an AI-generated declaration without its model, and a file of another project', async () => {
    const missing = await runAsActor(team.editor, () => declareAiUseAction({ projectId, title: 'Voice', category: 'performance', origin: 'ai_generated', provider: 'elevenlabs', description: 'Cloned voice' }))
    expect(missing).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: 'Name the AI service and model that generated it.' } })
    const other = (await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'Other', frameRate: '24', resolution: '1920x1080' })).projectId
    const foreign = crypto.randomUUID()
    await (await getDb()).insert(assets).values({ id: foreign, workspaceId: team.workspaceId, projectId: other, kind: 'image', storageKey: `projects/${other}/${foreign}/original`, originalName: 'x.png', mime: 'image/png', bytes: 1, sha256: 'x' })
    const smuggled = await runAsActor(team.editor, () => declareAiUseAction({ projectId, title: 'Poster', category: 'marketing', origin: 'ai_assisted', description: 'x', assetId: foreign }))
    expect(smuggled).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
