import { and, eq, isNull, max } from 'drizzle-orm'
import { getDb } from '@/db'
import { assets, projects, reviewVersions } from '@/db/schema'
import { insertActivity } from '@/db/queries/activity'
import { AppError, notFound } from '@/lib/errors'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { notifyReviewChanged } from './notify-review-changed'
import { findReviewItem, projectScope } from './review-scope'

/**
 * Editors and owners add a version from an asset of the same project. The number is the next after the item's
 * highest, chosen while holding a lock on the item row, so two uploads at once become v1 and v2, never v1 twice.
 */
export async function createReviewVersion(params: {
  actor: Actor | null
  projectId: string
  reviewItemId: string
  assetId: string
  source?: 'upload' | 'animatic'
}): Promise<{ versionId: string; number: number }> {
  const actor = requireSignedIn(params.actor)
  const scope = projectScope(await requireRole(actor, { projectId: params.projectId }, 'editor'))
  const db = await getDb()
  const created = await db.transaction(async (tx) => {
    const item = await findReviewItem(tx, scope, params.reviewItemId, true)
    const [asset] = await tx
      .select()
      .from(assets)
      .where(and(eq(assets.id, params.assetId), eq(assets.projectId, scope.projectId), eq(assets.workspaceId, scope.workspaceId), isNull(assets.deletedAt)))
    if (!asset) throw notFound('That file')
    if (asset.kind !== 'video' && asset.kind !== 'image') {
      throw new AppError('BAD_REQUEST', { userMessage: 'A review version needs a video or a picture.' })
    }
    const [project] = await tx.select().from(projects).where(eq(projects.id, scope.projectId))
    if (!project) throw notFound('That project')
    const [highest] = await tx.select({ value: max(reviewVersions.number) }).from(reviewVersions).where(eq(reviewVersions.reviewItemId, item.id))
    const number = (highest?.value ?? 0) + 1
    // Until media processing probes the file, the project's rate and the asset's own size and length stand in.
    const [version] = await tx
      .insert(reviewVersions)
      .values({
        reviewItemId: item.id,
        number,
        assetId: asset.id,
        source: params.source ?? (item.kind === 'animatic' ? 'animatic' : 'upload'),
        fpsNumerator: project.fpsNumerator,
        fpsDenominator: project.fpsDenominator,
        frameCount: Math.max(1, asset.durationFrames ?? 1),
        width: asset.width ?? project.width,
        height: asset.height ?? project.height,
        createdBy: actor.userId,
      })
      .returning({ id: reviewVersions.id })
    if (!version) throw new Error('review version insert returned no row')
    await insertActivity(tx, { ...scope, actorId: actor.userId, kind: 'review.version_added', data: { reviewItemId: item.id, versionId: version.id, number, title: item.title } })
    return { versionId: version.id, number }
  })
  // The item itself changed (a new version for the switcher), not a version's notes.
  await notifyReviewChanged({ reviewItemId: params.reviewItemId })
  return created
}
