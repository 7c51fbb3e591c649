import { and, eq, isNull } from 'drizzle-orm'
import { getDb } from '@/db'
import { reviewComments, reviewItems, reviewVersions } from '@/db/schema'
import { AppError, notFound } from '@/lib/errors'
import { assertGuestLinkLive, type GuestPrincipal } from './guest-principal'
import { insertComment } from './insert-comment'
import { notifyReviewChanged } from './notify-review-changed'

/**
 * A named guest with comment rights answers a client-visible thread of its own review item. Team-only threads are
 * NOT_FOUND (the guest never saw them), and the reply is client-visible like its thread.
 */
export async function createGuestReply(params: { guest: GuestPrincipal; commentId: string; body: string }): Promise<{ commentId: string }> {
  const { guest } = params
  if (!guest.canComment) throw new AppError('FORBIDDEN', { userMessage: 'This review link lets you watch but not give notes.' })
  if (!guest.guestId) throw new AppError('BAD_REQUEST', { userMessage: 'Tell us your name before replying.' })
  const guestId = guest.guestId
  const db = await getDb()
  const result = await db.transaction(async (tx) => {
    await assertGuestLinkLive(tx, guest)
    const [row] = await tx
      .select({ comment: reviewComments, workspaceId: reviewItems.workspaceId })
      .from(reviewComments)
      .innerJoin(reviewVersions, eq(reviewVersions.id, reviewComments.versionId))
      .innerJoin(reviewItems, eq(reviewItems.id, reviewVersions.reviewItemId))
      .where(
        and(
          eq(reviewComments.id, params.commentId),
          isNull(reviewComments.deletedAt),
          eq(reviewComments.visibility, 'client'),
          eq(reviewItems.id, guest.reviewItemId),
          eq(reviewItems.projectId, guest.projectId),
        ),
      )
    if (!row) throw notFound('That comment')
    const parent = row.comment
    if (parent.parentId) throw new AppError('BAD_REQUEST', { userMessage: 'Replies are one level deep: reply to the first comment of the thread.' })
    const { commentId } = await insertComment(tx, row.workspaceId, {
      versionId: parent.versionId,
      parentId: parent.id,
      author: { guestId },
      frameIn: parent.frameIn,
      frameOut: parent.frameOut,
      body: params.body,
      visibility: 'client',
      mentions: false,
    })
    return { commentId, versionId: parent.versionId }
  })
  await notifyReviewChanged({ reviewItemId: guest.reviewItemId, versionId: result.versionId })
  return { commentId: result.commentId }
}
