import { and, eq, inArray, isNull } from 'drizzle-orm'
import { getDb } from '@/db'
import { reviewMentions } from '@/db/schema'
import { requireSignedIn, type Actor } from '@/server/auth/require-role'

/**
 * Marks the caller's own mentions read: the listed comments, or all of them. Only rows of the caller change, so
 * another person's comment ids do nothing at all (and say nothing about whether they exist).
 */
export async function markMentionsRead(params: { actor: Actor | null; commentIds?: string[] }): Promise<{ marked: number }> {
  const actor = requireSignedIn(params.actor)
  const db = await getDb()
  const conditions = [eq(reviewMentions.userId, actor.userId), isNull(reviewMentions.readAt)]
  if (params.commentIds) {
    if (params.commentIds.length === 0) return { marked: 0 }
    conditions.push(inArray(reviewMentions.commentId, params.commentIds))
  }
  const rows = await db.update(reviewMentions).set({ readAt: new Date() }).where(and(...conditions)).returning({ commentId: reviewMentions.commentId })
  return { marked: rows.length }
}
