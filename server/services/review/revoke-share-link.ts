import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { reviewItems, shareLinks } from '@/db/schema'
import { insertActivity } from '@/db/queries/activity'
import { notFound } from '@/lib/errors'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { projectScope } from './review-scope'

/** Editors and owners turn a link off for good; revoking twice is harmless and logs once. */
export async function revokeShareLink(params: { actor: Actor | null; projectId: string; shareLinkId: string }): Promise<{ shareLinkId: string }> {
  const actor = requireSignedIn(params.actor)
  const scope = projectScope(await requireRole(actor, { projectId: params.projectId }, 'editor'))
  const db = await getDb()
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ link: shareLinks, title: reviewItems.title })
      .from(shareLinks)
      .innerJoin(reviewItems, eq(reviewItems.id, shareLinks.reviewItemId))
      .where(and(eq(shareLinks.id, params.shareLinkId), eq(reviewItems.projectId, scope.projectId), eq(reviewItems.workspaceId, scope.workspaceId)))
      .for('update', { of: shareLinks })
    if (!row) throw notFound('That share link')
    if (row.link.revokedAt) return
    await tx.update(shareLinks).set({ revokedAt: new Date() }).where(eq(shareLinks.id, row.link.id))
    await insertActivity(tx, { ...scope, actorId: actor.userId, kind: 'review.link_revoked', data: { reviewItemId: row.link.reviewItemId, shareLinkId: row.link.id, title: row.title } })
  })
  return { shareLinkId: params.shareLinkId }
}
