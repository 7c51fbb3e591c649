import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { reviewItems, shareLinks } from '@/db/schema'
import { insertActivity } from '@/db/queries/activity'
import { notFound } from '@/lib/errors'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { getCollabServer } from '@/server/collab/global-handle'
import type { ConnectionInfo } from '@/server/collab/server'
import { isGuestOfShareLink } from './guest-collab-resolver'
import { notifyReviewChanged } from './notify-review-changed'
import { projectScope } from './review-scope'

type ClosingCollab = { closeConnections(predicate: (connection: ConnectionInfo) => boolean, reason: string): number }

/**
 * Closes this process's sockets of the link's guests now; other instances close theirs at their next role recheck
 * (COLLAB_ROLE_RECHECK_MS), so revocation reaches every live connection within seconds either way.
 */
function closeGuestSockets(shareLinkId: string): void {
  const collab = getCollabServer() as (ReturnType<typeof getCollabServer> & Partial<ClosingCollab>) | null
  collab?.closeConnections?.((connection) => isGuestOfShareLink(connection.principal, shareLinkId), 'This review link has been turned off.')
}

/** Editors and owners turn a link off for good; revoking twice is harmless and logs once. Guests are cut off at once. */
export async function revokeShareLink(params: { actor: Actor | null; projectId: string; shareLinkId: string }): Promise<{ shareLinkId: string }> {
  const actor = requireSignedIn(params.actor)
  const scope = projectScope(await requireRole(actor, { projectId: params.projectId }, 'editor'))
  const db = await getDb()
  const revokedItemId = await db.transaction(async (tx): Promise<string | null> => {
    const [row] = await tx
      .select({ link: shareLinks, title: reviewItems.title })
      .from(shareLinks)
      .innerJoin(reviewItems, eq(reviewItems.id, shareLinks.reviewItemId))
      .where(and(eq(shareLinks.id, params.shareLinkId), eq(reviewItems.projectId, scope.projectId), eq(reviewItems.workspaceId, scope.workspaceId)))
      .for('update', { of: shareLinks })
    if (!row) throw notFound('That share link')
    if (row.link.revokedAt) return null
    await tx.update(shareLinks).set({ revokedAt: new Date() }).where(eq(shareLinks.id, row.link.id))
    await insertActivity(tx, { ...scope, actorId: actor.userId, kind: 'review.link_revoked', data: { reviewItemId: row.link.reviewItemId, shareLinkId: row.link.id, title: row.title } })
    return row.link.reviewItemId
  })
  if (revokedItemId) {
    // The nudge goes out on the guests' sockets before they close: their pages refetch, get GONE and say the link is
    // off at once, on every instance (the nudge fans out through Redis too).
    await notifyReviewChanged({ reviewItemId: revokedItemId })
    closeGuestSockets(params.shareLinkId)
  }
  return { shareLinkId: params.shareLinkId }
}
