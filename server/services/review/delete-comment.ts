import { eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { reviewComments } from '@/db/schema'
import { AppError } from '@/lib/errors'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { notifyReviewChanged } from './notify-review-changed'
import { findLiveComment, projectScope } from './review-scope'

/** Authors delete their own comments and owners any (moderation). Soft: the row stays, lists and exports drop it. */
export async function deleteComment(params: { actor: Actor | null; projectId: string; commentId: string }): Promise<{ commentId: string }> {
  const actor = requireSignedIn(params.actor)
  const access = await requireRole(actor, { projectId: params.projectId }, 'commenter')
  const scope = projectScope(access)
  const db = await getDb()
  const version = await db.transaction(async (tx) => {
    const { comment, version } = await findLiveComment(tx, scope, params.commentId)
    if (comment.authorUserId !== actor.userId && access.role !== 'owner') {
      throw new AppError('FORBIDDEN', { userMessage: 'You can only delete your own comments.' })
    }
    await tx.update(reviewComments).set({ deletedAt: new Date() }).where(eq(reviewComments.id, comment.id))
    return version
  })
  await notifyReviewChanged({ reviewItemId: version.reviewItemId, versionId: version.id })
  return { commentId: params.commentId }
}
