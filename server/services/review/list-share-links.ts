import { count, desc, eq, max } from 'drizzle-orm'
import { getDb } from '@/db'
import { guests, shareLinks, users } from '@/db/schema'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import type { ShareLinkView } from '@/lib/review/review-views'
import { findReviewItem, projectScope } from './review-scope'

export type { ShareLinkView }

/** Editors and up (the people who can revoke them). Hashes never leave the server. */
export async function listShareLinks(params: { actor: Actor | null; projectId: string; reviewItemId: string }): Promise<ShareLinkView[]> {
  const actor = requireSignedIn(params.actor)
  const scope = projectScope(await requireRole(actor, { projectId: params.projectId }, 'editor'))
  const db = await getDb()
  const item = await findReviewItem(db, scope, params.reviewItemId)
  const guestStats = db
    .select({ shareLinkId: guests.shareLinkId, guestCount: count().as('guest_count'), lastGuestAt: max(guests.createdAt).as('last_guest_at') })
    .from(guests)
    .groupBy(guests.shareLinkId)
    .as('guest_stats')
  const rows = await db
    .select({ link: shareLinks, creatorName: users.name, creatorEmail: users.email, guestCount: guestStats.guestCount, lastGuestAt: guestStats.lastGuestAt })
    .from(shareLinks)
    .leftJoin(users, eq(users.id, shareLinks.createdBy))
    .leftJoin(guestStats, eq(guestStats.shareLinkId, shareLinks.id))
    .where(eq(shareLinks.reviewItemId, item.id))
    .orderBy(desc(shareLinks.createdAt))
  return rows.map(({ link, creatorName, creatorEmail, guestCount, lastGuestAt }) => ({
    id: link.id,
    passwordProtected: link.passwordHash !== null,
    expiresAt: link.expiresAt,
    canComment: link.canComment,
    canDownload: link.canDownload,
    revokedAt: link.revokedAt,
    createdAt: link.createdAt,
    createdByName: creatorName ?? creatorEmail ?? null,
    guestCount: Number(guestCount ?? 0),
    // PGlite and pg may hand an aggregate timestamp back as text.
    lastGuestAt: lastGuestAt ? new Date(lastGuestAt) : null,
  }))
}
