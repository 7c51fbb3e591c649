import { eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { reviewVersions, type ReviewStatus } from '@/db/schema'
import { insertActivity } from '@/db/queries/activity'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { notifyReviewChanged } from './notify-review-changed'
import { findReviewVersion, projectScope } from './review-scope'

/** Editors and owners set a version's status for the team. Setting the status it already has writes nothing. */
export async function setVersionStatus(params: { actor: Actor | null; projectId: string; versionId: string; status: ReviewStatus }): Promise<{ versionId: string; status: ReviewStatus }> {
  const actor = requireSignedIn(params.actor)
  const scope = projectScope(await requireRole(actor, { projectId: params.projectId }, 'editor'))
  const db = await getDb()
  const changed = await db.transaction(async (tx) => {
    const { version, item } = await findReviewVersion(tx, scope, params.versionId)
    if (version.status === params.status) return null
    await tx
      .update(reviewVersions)
      .set({ status: params.status, statusChangedByUserId: actor.userId, statusChangedByGuestId: null, statusChangedAt: new Date() })
      .where(eq(reviewVersions.id, version.id))
    await insertActivity(tx, {
      ...scope,
      actorId: actor.userId,
      kind: 'review.status_changed',
      data: { reviewItemId: item.id, versionId: version.id, number: version.number, title: item.title, from: version.status, to: params.status },
    })
    return { reviewItemId: item.id, versionId: version.id }
  })
  if (changed) await notifyReviewChanged(changed)
  return { versionId: params.versionId, status: params.status }
}
