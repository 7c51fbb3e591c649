import { getDb } from '@/db'
import { AppError } from '@/lib/errors'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { insertComment } from './insert-comment'
import { notifyReviewChanged } from './notify-review-changed'
import { findLiveComment, projectScope } from './review-scope'

/** Commenters and up reply to a top-level comment; the reply shares its frames and visibility. */
export async function replyToComment(params: { actor: Actor | null; projectId: string; commentId: string; body: string }): Promise<{ commentId: string; mentionedUserIds: string[] }> {
  const actor = requireSignedIn(params.actor)
  const scope = projectScope(await requireRole(actor, { projectId: params.projectId }, 'commenter'))
  const db = await getDb()
  const { result, version } = await db.transaction(async (tx) => {
    const { comment: parent, version } = await findLiveComment(tx, scope, params.commentId)
    // One level keeps threads readable in the player's side panel.
    if (parent.parentId) throw new AppError('BAD_REQUEST', { userMessage: 'Replies are one level deep: reply to the first comment of the thread.' })
    const result = await insertComment(tx, scope.workspaceId, {
      versionId: parent.versionId,
      parentId: parent.id,
      author: { userId: actor.userId },
      frameIn: parent.frameIn,
      frameOut: parent.frameOut,
      body: params.body,
      visibility: parent.visibility,
    })
    return { result, version }
  })
  await notifyReviewChanged({ reviewItemId: version.reviewItemId, versionId: version.id })
  return result
}
