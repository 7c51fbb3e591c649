// The comment list both members and guests read: live comments of one version, oldest first, with author names.
import { and, asc, eq, isNull, type SQL } from 'drizzle-orm'
import type { Executor } from '@/db/queries/executor'
import { guests, reviewComments, users } from '@/db/schema'
import type { ReviewCommentView } from '@/lib/review/review-views'

export type { ReviewCommentView }

export async function selectVersionComments(db: Executor, versionId: string, onlyClient: boolean): Promise<ReviewCommentView[]> {
  const conditions: SQL[] = [eq(reviewComments.versionId, versionId), isNull(reviewComments.deletedAt)]
  if (onlyClient) conditions.push(eq(reviewComments.visibility, 'client'))
  const rows = await db
    .select({ comment: reviewComments, userName: users.name, userEmail: users.email, guestName: guests.name })
    .from(reviewComments)
    .leftJoin(users, eq(users.id, reviewComments.authorUserId))
    .leftJoin(guests, eq(guests.id, reviewComments.authorGuestId))
    .where(and(...conditions))
    .orderBy(asc(reviewComments.frameIn), asc(reviewComments.createdAt))
  return rows.map(({ comment, userName, userEmail, guestName }) => ({
    id: comment.id,
    parentId: comment.parentId,
    authorName: comment.authorGuestId ? (guestName ?? 'Guest') : (userName ?? userEmail ?? 'A former member'),
    authorKind: comment.authorGuestId ? 'guest' : 'member',
    authorUserId: comment.authorUserId,
    frameIn: comment.frameIn,
    frameOut: comment.frameOut,
    body: comment.body,
    annotation: comment.annotation,
    visibility: comment.visibility,
    resolvedAt: comment.resolvedAt,
    editedAt: comment.editedAt,
    createdAt: comment.createdAt,
  }))
}
