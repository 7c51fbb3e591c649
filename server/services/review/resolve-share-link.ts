import { eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { guests, reviewItems, shareLinks } from '@/db/schema'
import { AppError, notFound } from '@/lib/errors'
import { verifyPassword } from '@/server/auth/password'
import { consumeRateLimit } from '@/server/services/rate-limit/consume-rate-limit'
import { assertLinkUsable, type GuestPrincipal } from './guest-principal'
import { hashShareLinkToken } from './share-link-token'

/** Password guesses per link and address; enough for typos, far too few to guess a password. */
export const shareLinkPasswordLimit = { limit: 5, windowMs: 15 * 60 * 1000 } as const

/**
 * The guest's way in: unknown token → NOT_FOUND, revoked or expired → GONE, missing or wrong password → FORBIDDEN,
 * too many guesses from one address → RATE_LIMITED. A name, when given, records the guest for comments and approvals.
 */
export async function resolveShareLink(params: { token: string; password?: string; ip: string; guestName?: string; now?: Date }): Promise<GuestPrincipal> {
  const now = params.now ?? new Date()
  const db = await getDb()
  const [row] = await db
    .select({ link: shareLinks, projectId: reviewItems.projectId })
    .from(shareLinks)
    .innerJoin(reviewItems, eq(reviewItems.id, shareLinks.reviewItemId))
    .where(eq(shareLinks.tokenHash, hashShareLinkToken(params.token)))
  if (!row) throw notFound('That review link')
  const { link } = row
  assertLinkUsable(link, now)
  if (link.passwordHash) {
    if (!params.password) throw new AppError('FORBIDDEN', { userMessage: 'This review is protected by a password.', details: { passwordRequired: true } })
    // Counted before checking, so a correct guess after the limit is refused too and the limit cannot be probed.
    const attempt = await consumeRateLimit({ key: `share-link-password:${link.id}:${params.ip}`, ...shareLinkPasswordLimit, now })
    if (!attempt.allowed) {
      throw new AppError('RATE_LIMITED', { userMessage: `Too many password attempts. Try again in ${Math.ceil(attempt.retryAfterSeconds / 60)} minutes.` })
    }
    if (!(await verifyPassword(link.passwordHash, params.password))) {
      throw new AppError('FORBIDDEN', { userMessage: 'That password is not right.', details: { passwordRequired: true } })
    }
  }
  let guestId: string | null = null
  const name = params.guestName?.trim().slice(0, 120)
  if (name) {
    const [guest] = await db.insert(guests).values({ shareLinkId: link.id, name }).returning({ id: guests.id })
    guestId = guest?.id ?? null
  }
  return { kind: 'guest', shareLinkId: link.id, guestId, reviewItemId: link.reviewItemId, projectId: row.projectId, canComment: link.canComment, canDownload: link.canDownload }
}
