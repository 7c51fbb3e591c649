import { createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { and, eq, isNull } from 'drizzle-orm'
import { z } from 'zod'
import { getDb } from '@/db'
import { assets, users } from '@/db/schema'
import { planAnimatic, type PlannedPanel } from '@/lib/animatic'
import { AppError } from '@/lib/errors'
import { aiConfigFromEnv } from '@/server/ai/ai-config'
import { generateVideoClip } from '@/server/ai/generate-video-clip'
import { requireRole, type Actor } from '@/server/auth/require-role'
import { defineJob, type DefineJobOptions, type JobDefinition } from '@/server/jobs/define-job'
import { getStorage } from '@/server/media/storage/get-storage'
import { loadAnimaticSource } from './animatic-source'
import { animaticResolutions, renderAnimatic, type EncoderSettings } from './render-animatic'
import { createPanelMotion, type GeneratePanelClip } from './panel-motion'
import type { LoadPicture } from './panel-pictures'
import { renderProvenance } from './render-provenance'
import { storeRenderedAnimatic } from './store-rendered-animatic'

// The background job behind "Render animatic": plan the project's board, render it (with the optional audio asset),
// store the MP4 as a video asset, then hand the result to onRendered, the hook through which the review service will
// make it a new version of the project's "Animatic" review item. Progress is the share of frames encoded; cancelling
// stops ffmpeg and leaves no file and no asset behind.

export const renderAnimaticInput = z.strictObject({
  projectId: z.string().min(1).max(200),
  /** The user who asked, stamped from the session by the action that enqueues the job; re-checked when it runs. */
  requestedBy: z.string().min(1).max(200),
  resolution: z.enum(['720p', '1080p']),
  options: z.strictObject({
    captions: z.boolean(),
    labels: z.boolean(),
    timecode: z.boolean(),
    /** An audio asset of the same project: music or a scratch track, cut or padded to the picture. */
    audioAssetId: z.string().min(1).max(200).nullable(),
    /** 'ai': each panel with a picture moves (a generated clip per panel); stills when absent. */
    mode: z.enum(['stills', 'ai']).optional(),
  }),
})
export type RenderAnimaticInput = z.infer<typeof renderAnimaticInput>

export const renderAnimaticJobName = 'render-animatic'

export interface RenderedAnimatic {
  projectId: string
  assetId: string
  requestedBy: string
  width: number
  height: number
  totalFrames: number
  rate: { numerator: number; denominator: number; dropFrame: boolean }
  /** Where each panel sits in the render, so a comment's frame maps back to its panel. */
  panels: ReadonlyArray<Pick<PlannedPanel, 'id' | 'startFrame' | 'endFrame' | 'label'>>
  warnings: string[]
}

export interface RenderAnimaticJobOptions {
  /**
   * Runs before the job counts as done, e.g. to add the render to review as a new version. If it throws, the asset is
   * removed again and the job fails, so nothing ever points at a render that is gone.
   */
  onRendered?: (result: RenderedAnimatic) => Promise<void>
  /** Where the working folder is made; the system temp folder by default. */
  tempRoot?: string
  encoder?: Partial<EncoderSettings>
  /**
   * Tags to write into the MP4, asked for once the board is planned (the review job puts the AI disclosure of this
   * very render there, which needs its panel timing).
   */
  metadata?: (render: PlannedRender) => Promise<Readonly<Record<string, string>>>
  /** Image to video for AI mode; the configured video model (offline unless set) by default. */
  generateClip?: GeneratePanelClip
}

export type PlannedRender = Pick<RenderedAnimatic, 'projectId' | 'totalFrames' | 'rate' | 'panels'>

export function createRenderAnimaticJob(
  overrides: Partial<Omit<DefineJobOptions<RenderAnimaticInput>, 'input' | 'handler'>> & RenderAnimaticJobOptions = {},
): JobDefinition<RenderAnimaticInput> {
  const { onRendered, tempRoot, encoder, ...settings } = overrides
  return defineJob({
    name: renderAnimaticJobName,
    // A render that failed on the board's content fails the same way again; one retry covers a worker that died.
    retryLimit: 1,
    retryDelaySeconds: 30,
    // An hour-long animatic at 1080p takes a quarter of that on two cores; the lease catches a stuck ffmpeg.
    expireInSeconds: 2 * 60 * 60,
    ...settings,
    input: renderAnimaticInput,
    async handler(input, ctx) {
      await runRenderAnimatic(input, { onRendered, tempRoot, encoder, signal: ctx.signal, reportProgress: ctx.reportProgress })
    },
  })
}

export const renderAnimaticJob = createRenderAnimaticJob()

export async function runRenderAnimatic(
  input: RenderAnimaticInput,
  options: RenderAnimaticJobOptions & { signal?: AbortSignal; reportProgress?: (fraction: number, label: string) => void } = {},
): Promise<RenderedAnimatic> {
  const { signal } = options
  const report = (fraction: number, label: string) => options.reportProgress?.(fraction, label)
  report(0, 'Reading the board')
  const actor = await actorFor(input.requestedBy)
  await requireRole(actor, { projectId: input.projectId }, 'editor')
  const { options: renderOptions } = input
  const source = await loadAnimaticSource({ actor, projectId: input.projectId, overlays: renderOptions })
  const plan = planAnimatic(source.panels, source.settings)
  const panels = plan.panels.map(({ id, startFrame, endFrame, label }) => ({ id, startFrame, endFrame, label }))
  const metadata = await options.metadata?.({ projectId: source.project.id, totalFrames: plan.totalFrames, rate: source.settings.rate, panels })
  const { width, height } = animaticResolutions[input.resolution]
  const workDir = await fs.mkdtemp(path.join(options.tempRoot ?? os.tmpdir(), 'storyreel-animatic-'))
  // The pictures that really made it into the render (a missing one becomes a slate), for the ledger's parents.
  const shown = new Set<string>()
  const loadPicture: LoadPicture = async (assetId, pictureSignal) => {
    const bytes = await source.loadPicture(assetId, pictureSignal)
    if (bytes) shown.add(assetId)
    return bytes
  }
  try {
    const audio = renderOptions.audioAssetId ? await downloadAudio(source.project, renderOptions.audioAssetId, workDir, signal) : null
    const outputPath = path.join(workDir, 'animatic.mp4')
    const motionWarnings: string[] = []
    const motion = renderOptions.mode === 'ai'
      ? createPanelMotion({
        plan, width, height, rate: source.settings.rate, loadPicture, generate: options.generateClip ?? generateWithConfiguredModel,
        workDir, signal, onWarning: (message) => motionWarnings.push(message),
      })
      : null
    const rendered = await renderAnimatic({
      plan, width, height, rate: source.settings.rate, loadPicture, outputPath, audio, encoder: options.encoder, metadata, signal,
      motion: motion ?? undefined,
      onProgress: ({ framesDone, totalFrames }) => report(0.02 + 0.9 * (framesDone / totalFrames), `Rendering frame ${framesDone} of ${totalFrames}`),
    }).finally(() => motion?.close())
    rendered.warnings.push(...motionWarnings)
    report(0.93, 'Saving the animatic')
    signal?.throwIfAborted()
    const provenance = await renderProvenance({
      projectId: source.project.id,
      mode: renderOptions.mode ?? 'stills',
      pictures: plan.panels.flatMap((panel) => (panel.image && shown.has(panel.image) ? [panel.image] : [])),
      sources: motion?.sources ?? [],
    })
    const stored = await storeRenderedAnimatic({
      filePath: outputPath, projectId: source.project.id, workspaceId: source.project.workspaceId, createdBy: actor.userId,
      name: `animatic-${input.resolution}.mp4`, width, height, durationFrames: rendered.totalFrames, provenance,
    })
    const result: RenderedAnimatic = {
      projectId: source.project.id, assetId: stored.assetId, requestedBy: actor.userId, width, height, totalFrames: rendered.totalFrames,
      rate: source.settings.rate, warnings: rendered.warnings,
      panels,
    }
    try {
      signal?.throwIfAborted()
      await options.onRendered?.(result)
    } catch (error) {
      await stored.discard()
      throw error
    }
    report(1, 'Ready')
    return result
  } finally {
    await fs.rm(workDir, { recursive: true, force: true })
  }
}

const generateWithConfiguredModel: GeneratePanelClip = (params) => generateVideoClip({ config: aiConfigFromEnv(), ...params })

async function actorFor(userId: string): Promise<Actor> {
  const db = await getDb()
  const [user] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, userId)).limit(1)
  if (!user) throw new AppError('NOT_FOUND', { userMessage: 'The person who asked for this render no longer has an account.' })
  return { userId: user.id, name: user.name, email: user.email }
}

async function downloadAudio(project: { id: string; workspaceId: string }, assetId: string, workDir: string, signal?: AbortSignal) {
  const db = await getDb()
  const [row] = await db
    .select({ storageKey: assets.storageKey, originalName: assets.originalName })
    .from(assets)
    .where(and(eq(assets.id, assetId), eq(assets.projectId, project.id), eq(assets.workspaceId, project.workspaceId), isNull(assets.deletedAt)))
    .limit(1)
  if (!row) throw new AppError('NOT_FOUND', { userMessage: 'The audio track for the animatic is no longer in this project.' })
  const filePath = path.join(workDir, 'audio')
  const { stream } = await getStorage().get(row.storageKey)
  await pipeline(stream, createWriteStream(filePath), { signal })
  return { path: filePath, name: row.originalName }
}
