import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { insertActivity } from '@/db/queries/activity'
import { activity, reviewItems, reviewVersions, users } from '@/db/schema'
import { AppError } from '@/lib/errors'
import type { PanelMapEntry } from '@/lib/review/panel-map'
import { requireRole, type Actor } from '@/server/auth/require-role'
import type { RenderedAnimatic } from '@/server/media/animatic/render-animatic-job'
import { getProjectDisclosure } from '@/server/services/provenance/get-project-disclosure'
import { createReviewItem } from '@/server/services/review/create-review-item'
import { createReviewVersion } from '@/server/services/review/create-review-version'
import { notifyReviewChanged } from '@/server/services/review/notify-review-changed'
import { startVersionProcessing } from '@/server/services/review/start-version-processing'
import { storeDisclosureSidecar } from './store-disclosure-sidecar'

export const animaticReviewTitle = 'Animatic'
/** The activity that ties a render job to the version it became; the render status reads it back. */
export const animaticRenderedActivity = 'animatic.rendered'

export interface AnimaticReviewVersion {
  reviewItemId: string
  versionId: string
  number: number
}

/**
 * The render's way into review (the job's onRendered hook): a new version of the project's "Animatic" item, made on
 * first use, carrying the panel timing of the plan it was drawn with, then processed (proxy, poster, filmstrip) like
 * an upload, with the AI-disclosure manifest stored beside the MP4. Runs as the person who asked, so someone who lost
 * edit rights mid-render adds nothing.
 */
export async function addRenderToReview(params: { rendered: RenderedAnimatic; jobId: string }): Promise<AnimaticReviewVersion> {
  const { rendered } = params
  const actor = await requesterActor(rendered.requestedBy)
  const access = await requireRole(actor, { projectId: rendered.projectId }, 'editor')
  const reviewItemId = (await findAnimaticItem(rendered.projectId, access.workspaceId)) ?? (await createReviewItem({ actor, projectId: rendered.projectId, title: animaticReviewTitle, kind: 'animatic' })).reviewItemId
  const version = await createReviewVersion({ actor, projectId: rendered.projectId, reviewItemId, assetId: rendered.assetId, source: 'animatic' })
  const panelMap: PanelMapEntry[] = rendered.panels.map((panel) => ({ panelId: panel.id, label: panel.label, frameIn: panel.startFrame, frameOut: panel.endFrame }))
  const db = await getDb()
  try {
    await db.transaction(async (tx) => {
      await tx
        .update(reviewVersions)
        .set({ panelMap })
        .where(and(eq(reviewVersions.id, version.versionId), eq(reviewVersions.reviewItemId, reviewItemId)))
      await insertActivity(tx, {
        workspaceId: access.workspaceId,
        projectId: rendered.projectId,
        actorId: actor.userId,
        kind: animaticRenderedActivity,
        data: { jobId: params.jobId, reviewItemId, versionId: version.versionId, number: version.number },
      })
    })
    // Read now, with the version in place, the report's animatic is this render; last, so a failure here takes the
    // version back with everything else and no manifest is left beside a file that goes away.
    await storeDisclosureSidecar({ projectId: rendered.projectId, assetId: rendered.assetId, report: await getProjectDisclosure({ actor, projectId: rendered.projectId }) })
  } catch (error) {
    // The job removes the rendered asset when this hook throws; a version still pointing at it would block that and
    // show reviewers a version that does not map to any panel.
    await db.delete(reviewVersions).where(and(eq(reviewVersions.id, version.versionId), eq(reviewVersions.reviewItemId, reviewItemId)))
    throw error
  }
  await startVersionProcessing({ projectId: rendered.projectId, versionId: version.versionId, assetId: rendered.assetId })
  await notifyReviewChanged({ reviewItemId, versionId: version.versionId })
  return { reviewItemId, versionId: version.versionId, number: version.number }
}

/** The oldest live "Animatic" item, so every render lands on the one the team has been commenting on. */
export async function findAnimaticItem(projectId: string, workspaceId: string): Promise<string | null> {
  const db = await getDb()
  const [item] = await db
    .select({ id: reviewItems.id })
    .from(reviewItems)
    .where(
      and(
        eq(reviewItems.projectId, projectId),
        eq(reviewItems.workspaceId, workspaceId),
        eq(reviewItems.kind, 'animatic'),
        eq(reviewItems.title, animaticReviewTitle),
        isNull(reviewItems.archivedAt),
      ),
    )
    .orderBy(asc(reviewItems.createdAt))
    .limit(1)
  return item?.id ?? null
}

/** The version a render job already became (its animatic.rendered activity), if any. */
export async function findRenderedVersion(params: { projectId: string; jobId: string }): Promise<{ versionId: string } | null> {
  const db = await getDb()
  const [row] = await db
    .select({ data: activity.data })
    .from(activity)
    .where(and(eq(activity.projectId, params.projectId), eq(activity.kind, animaticRenderedActivity), sql`${activity.data}->>'jobId' = ${params.jobId}`))
    .limit(1)
  return row ? { versionId: String((row.data as Record<string, unknown>).versionId) } : null
}

/** The person who asked for a render, as the actor the job runs as. */
export async function requesterActor(userId: string): Promise<Actor> {
  const db = await getDb()
  const [user] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, userId)).limit(1)
  if (!user) throw new AppError('NOT_FOUND', { userMessage: 'The person who asked for this render no longer has an account.' })
  return { userId: user.id, name: user.name, email: user.email }
}
