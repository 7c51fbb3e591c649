import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { shareLinks } from '@/db/schema'
import { notFound } from '@/lib/errors'
import type { GuestSession } from '@/server/auth/guest-session'
import { assertLinkUsable } from './guest-principal'
import { noGuestSession } from './guest-session-principal'
import { checkShareLinkPassword } from './share-link-password'

/**
 * The guest page's password form: the same rate-limited check as the token lookup (5 tries per link and address per
 * 15 minutes). Returns the session to store, now marked as having given the password.
 */
export async function verifyGuestPassword(params: { session: GuestSession | null; password: string; ip: string; now?: Date }): Promise<GuestSession> {
  const { session } = params
  if (!session) throw noGuestSession()
  const now = params.now ?? new Date()
  const db = await getDb()
  const [link] = await db
    .select()
    .from(shareLinks)
    .where(and(eq(shareLinks.id, session.shareLinkId), eq(shareLinks.reviewItemId, session.reviewItemId)))
  if (!link) throw notFound('That review')
  assertLinkUsable(link, now)
  if (link.passwordHash) await checkShareLinkPassword({ link: { id: link.id, passwordHash: link.passwordHash }, password: params.password, ip: params.ip, now })
  return { ...session, passwordVerified: true }
}
