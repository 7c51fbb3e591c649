import { eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { guests, reviewItems, shareLinks } from '@/db/schema'
import { notFound } from '@/lib/errors'
import { assertLinkUsable, type GuestPrincipal } from './guest-principal'
import { checkShareLinkPassword } from './share-link-password'
import { hashShareLinkToken } from './share-link-token'

export { shareLinkPasswordLimit } from './share-link-password'

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
  if (link.passwordHash) await checkShareLinkPassword({ link: { id: link.id, passwordHash: link.passwordHash }, password: params.password, ip: params.ip, now })
  let guestId: string | null = null
  const name = params.guestName?.trim().slice(0, 120)
  if (name) {
    const [guest] = await db.insert(guests).values({ shareLinkId: link.id, name }).returning({ id: guests.id })
    guestId = guest?.id ?? null
  }
  return { kind: 'guest', shareLinkId: link.id, guestId, reviewItemId: link.reviewItemId, projectId: row.projectId, canComment: link.canComment, canDownload: link.canDownload }
}
