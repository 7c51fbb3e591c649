// A guest who came in through a share link. Built only by resolveShareLink on the server, never from client input.
import { and, eq } from 'drizzle-orm'
import type { Executor } from '@/db/queries/executor'
import { reviewItems, reviewVersions, shareLinks, type ReviewItemRow, type ReviewVersionRow } from '@/db/schema'
import { AppError, notFound } from '@/lib/errors'

export interface GuestPrincipal {
  kind: 'guest'
  shareLinkId: string
  /** Set once the guest has told us a name; needed to comment or change a status. */
  guestId: string | null
  reviewItemId: string
  projectId: string
  canComment: boolean
  canDownload: boolean
}

/** Throws GONE when the link was revoked or has expired since the guest came in, so revocation takes effect at once. */
export async function assertGuestLinkLive(db: Executor, guest: GuestPrincipal, now = new Date()): Promise<void> {
  const [link] = await db.select().from(shareLinks).where(and(eq(shareLinks.id, guest.shareLinkId), eq(shareLinks.reviewItemId, guest.reviewItemId)))
  if (!link) throw notFound('That review')
  assertLinkUsable(link, now)
}

export function assertLinkUsable(link: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): void {
  if (link.revokedAt) throw new AppError('GONE', { userMessage: 'This review link has been turned off. Ask the sender for a new one.' })
  if (link.expiresAt && link.expiresAt <= now) throw new AppError('GONE', { userMessage: 'This review link has expired. Ask the sender for a new one.' })
}

/** A version of the guest's own review item; any other id is NOT_FOUND. */
export async function findGuestVersion(db: Executor, guest: GuestPrincipal, versionId: string): Promise<{ version: ReviewVersionRow; item: ReviewItemRow }> {
  const [row] = await db
    .select({ version: reviewVersions, item: reviewItems })
    .from(reviewVersions)
    .innerJoin(reviewItems, eq(reviewItems.id, reviewVersions.reviewItemId))
    .where(and(eq(reviewVersions.id, versionId), eq(reviewItems.id, guest.reviewItemId), eq(reviewItems.projectId, guest.projectId)))
  if (!row) throw notFound('That version')
  return row
}
