import { and, eq, isNull } from 'drizzle-orm'
import { getDb } from '@/db'
import { insertActivity } from '@/db/queries/activity'
import { assets } from '@/db/schema'
import { AppError } from '@/lib/errors'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { aiConfigFromEnv } from '@/server/ai/ai-config'
import { enqueueJob } from '@/server/jobs/queue'
import { loadAnimaticSource } from '@/server/media/animatic/animatic-source'
import { consumeVideoAllowance } from '@/server/services/ai/consume-video-allowance'
import type { RequestAnimaticRenderInput } from './animatic-render-schemas'
import { findActiveAnimaticRender } from './find-active-animatic-render'
import { animaticRenderRequestedActivity, findRenderRequest } from './find-render-request'
import { renderAnimaticReviewJob } from './render-animatic-review-job'

/**
 * Editors queue a render of the board. One render per project at a time: asking again while one waits or runs
 * returns that one, so a double click or a second editor watches the same progress instead of rendering twice.
 */
export async function requestAnimaticRender(params: RequestAnimaticRenderInput & { actor: Actor | null }): Promise<{ jobId: string }> {
  const actor = requireSignedIn(params.actor)
  const access = await requireRole(actor, { projectId: params.projectId }, 'editor')
  const scope = { workspaceId: access.workspaceId, projectId: params.projectId }
  const db = await getDb()
  if (params.audioAssetId) {
    const [audio] = await db
      .select({ kind: assets.kind })
      .from(assets)
      .where(and(eq(assets.id, params.audioAssetId), eq(assets.projectId, scope.projectId), eq(assets.workspaceId, scope.workspaceId), isNull(assets.deletedAt)))
    if (!audio) throw new AppError('NOT_FOUND', { userMessage: 'That audio track is not in this project.' })
    if (audio.kind !== 'audio') throw new AppError('BAD_REQUEST', { userMessage: 'The animatic’s sound must be an audio file.' })
  }
  if (params.mode === 'ai') {
    // A render already under way is what this request gets (one per project), so it costs nothing more.
    const active = await findActiveAnimaticRender({ actor, projectId: scope.projectId })
    if (active) return active
    // One video call per panel on screen with a picture; a budget that cannot cover them all refuses before queueing.
    const clips = await countMotionClips(actor, scope.projectId)
    await consumeVideoAllowance({ workspaceId: scope.workspaceId, clips, config: aiConfigFromEnv() })
  }
  const jobId = await enqueueJob(
    renderAnimaticReviewJob,
    {
      projectId: scope.projectId,
      requestedBy: actor.userId,
      resolution: params.resolution,
      options: { captions: params.captions, labels: params.overlays, timecode: params.overlays, audioAssetId: params.audioAssetId, ...(params.mode === 'ai' ? { mode: 'ai' as const } : {}) },
    },
    { singletonKey: scope.projectId },
  )
  if (!(await findRenderRequest(db, scope, jobId))) {
    await insertActivity(db, { ...scope, actorId: actor.userId, kind: animaticRenderRequestedActivity, data: { jobId, resolution: params.resolution } })
  }
  return { jobId }
}

/** Panels AI motion would send to the video model: on screen (a duration) and with a picture. */
async function countMotionClips(actor: Actor, projectId: string): Promise<number> {
  const source = await loadAnimaticSource({ actor, projectId, overlays: { captions: false, labels: false, timecode: false } })
  return source.panels.filter((panel) => panel.durationFrames > 0 && panel.image !== null).length
}
