import { eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { reviewComments } from '@/db/schema'
import { AppError } from '@/lib/errors'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { insertMentions } from './insert-comment'
import { notifyReviewChanged } from './notify-review-changed'
import { findLiveComment, projectScope } from './review-scope'

/** Authors edit their own comments only; newly mentioned members get an inbox row. */
export async function editComment(params: { actor: Actor | null; projectId: string; commentId: string; body: string }): Promise<{ commentId: string }> {
  const actor = requireSignedIn(params.actor)
  const scope = projectScope(await requireRole(actor, { projectId: params.projectId }, 'commenter'))
  const body = params.body.trim()
  if (body.length < 1 || body.length > 5000) throw new AppError('BAD_REQUEST', { userMessage: 'A comment has 1–5000 characters.' })
  const db = await getDb()
  const version = await db.transaction(async (tx) => {
    const { comment, version } = await findLiveComment(tx, scope, params.commentId)
    if (comment.authorUserId !== actor.userId) throw new AppError('FORBIDDEN', { userMessage: 'You can only edit your own comments.' })
    await tx.update(reviewComments).set({ body, editedAt: new Date() }).where(eq(reviewComments.id, comment.id))
    await insertMentions(tx, scope.workspaceId, comment.id, body, actor.userId)
    return version
  })
  await notifyReviewChanged({ reviewItemId: version.reviewItemId, versionId: version.id })
  return { commentId: params.commentId }
}
