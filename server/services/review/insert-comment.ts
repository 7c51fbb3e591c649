// Writes one comment and its mention rows; shared by new comments, replies and guest comments.
import { eq } from 'drizzle-orm'
import type { Tx } from '@/db/queries/executor'
import { memberships, reviewComments, reviewMentions, users } from '@/db/schema'
import { AppError } from '@/lib/errors'
import { annotationSchema, type Annotation } from '@/lib/review/annotation'
import { resolveMentions } from '@/lib/review/mentions'

export interface NewComment {
  versionId: string
  parentId?: string | null
  author: { userId: string } | { guestId: string }
  frameIn: number
  frameOut?: number | null
  body: string
  annotation?: unknown
  visibility: 'team' | 'client'
  /** Guests' @text stays text: matching it against members would let a guest probe who is in the workspace. */
  mentions?: boolean
}

/** Validates what the schema cannot see from a service caller (annotation shape, body length) and inserts. */
export async function insertComment(tx: Tx, workspaceId: string, comment: NewComment): Promise<{ commentId: string; mentionedUserIds: string[] }> {
  const body = comment.body.trim()
  if (body.length < 1 || body.length > 5000) throw new AppError('BAD_REQUEST', { userMessage: 'A comment has 1–5000 characters.' })
  let annotation: Annotation | null = null
  if (comment.annotation !== undefined && comment.annotation !== null) {
    const parsed = annotationSchema.safeParse(comment.annotation)
    if (!parsed.success) throw new AppError('BAD_REQUEST', { userMessage: parsed.error.issues[0]?.message ?? 'The drawing is not valid.' })
    annotation = parsed.data
  }
  const [row] = await tx
    .insert(reviewComments)
    .values({
      versionId: comment.versionId,
      parentId: comment.parentId ?? null,
      authorUserId: 'userId' in comment.author ? comment.author.userId : null,
      authorGuestId: 'guestId' in comment.author ? comment.author.guestId : null,
      frameIn: comment.frameIn,
      frameOut: comment.frameOut ?? null,
      body,
      annotation,
      visibility: comment.visibility,
    })
    .returning({ id: reviewComments.id })
  if (!row) throw new Error('comment insert returned no row')
  const authorId = 'userId' in comment.author ? comment.author.userId : null
  const mentionedUserIds = comment.mentions === false ? [] : await insertMentions(tx, workspaceId, row.id, body, authorId)
  return { commentId: row.id, mentionedUserIds }
}

/** Mention rows for workspace members named in body (never the author); handles that match nobody are ignored. */
export async function insertMentions(tx: Tx, workspaceId: string, commentId: string, body: string, authorId: string | null): Promise<string[]> {
  if (!body.includes('@')) return []
  const members = await tx
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
  const mentioned = resolveMentions(body, members).filter((userId) => userId !== authorId)
  if (mentioned.length > 0) {
    await tx.insert(reviewMentions).values(mentioned.map((userId) => ({ commentId, userId }))).onConflictDoNothing()
  }
  return mentioned
}
