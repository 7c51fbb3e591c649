import { eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { shareLinks } from '@/db/schema'
import { notFound } from '@/lib/errors'
import type { GuestSession } from '@/server/auth/guest-session'
import { assertLinkUsable } from './guest-principal'
import { hashShareLinkToken } from './share-link-token'

/**
 * GET /r/<token>: swaps a live link's token for a guest session. Unknown → NOT_FOUND, revoked or expired → GONE.
 * The password (if any) and the name are asked for afterwards on the clean URL, so the token is used exactly once per
 * visit; opening the same link again keeps what this browser already gave (password, name).
 */
export async function openShareLink(params: { token: string; previous: GuestSession | null; now?: Date }): Promise<{ session: GuestSession; expiresAt: Date | null }> {
  const now = params.now ?? new Date()
  const db = await getDb()
  const [link] = await db
    .select({ id: shareLinks.id, reviewItemId: shareLinks.reviewItemId, passwordHash: shareLinks.passwordHash, revokedAt: shareLinks.revokedAt, expiresAt: shareLinks.expiresAt })
    .from(shareLinks)
    .where(eq(shareLinks.tokenHash, hashShareLinkToken(params.token)))
  if (!link) throw notFound('That review link')
  assertLinkUsable(link, now)
  const same = params.previous?.shareLinkId === link.id ? params.previous : null
  const session: GuestSession = {
    shareLinkId: link.id,
    reviewItemId: link.reviewItemId,
    guestId: same?.guestId ?? null,
    passwordVerified: link.passwordHash === null || (same?.passwordVerified ?? false),
    issuedAt: Math.floor(now.getTime() / 1000),
  }
  return { session, expiresAt: link.expiresAt }
}
