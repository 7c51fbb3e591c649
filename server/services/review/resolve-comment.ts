import { eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { reviewComments } from '@/db/schema'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { notifyReviewChanged } from './notify-review-changed'
import { findLiveComment, projectScope } from './review-scope'

/** Commenters and up mark a note done (resolved: true) or open it again (resolved: false). */
export async function setCommentResolved(params: { actor: Actor | null; projectId: string; commentId: string; resolved: boolean }): Promise<{ commentId: string; resolved: boolean }> {
  const actor = requireSignedIn(params.actor)
  const scope = projectScope(await requireRole(actor, { projectId: params.projectId }, 'commenter'))
  const db = await getDb()
  const version = await db.transaction(async (tx) => {
    const { comment, version } = await findLiveComment(tx, scope, params.commentId)
    const change = params.resolved ? { resolvedAt: new Date(), resolvedBy: actor.userId } : { resolvedAt: null, resolvedBy: null }
    await tx.update(reviewComments).set(change).where(eq(reviewComments.id, comment.id))
    return version
  })
  await notifyReviewChanged({ reviewItemId: version.reviewItemId, versionId: version.id })
  return { commentId: params.commentId, resolved: params.resolved }
}

export function resolveComment(params: { actor: Actor | null; projectId: string; commentId: string }) {
  return setCommentResolved({ ...params, resolved: true })
}

export function reopenComment(params: { actor: Actor | null; projectId: string; commentId: string }) {
  return setCommentResolved({ ...params, resolved: false })
}
