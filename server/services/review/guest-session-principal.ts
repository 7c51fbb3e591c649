// Turns a guest's signed session into the GuestPrincipal the guest services take, re-reading the link every time so
// a revoked or expired link stops pages, actions, media and live updates on the very next request.
import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import type { Executor } from '@/db/queries/executor'
import { guests, reviewItems, shareLinks } from '@/db/schema'
import { AppError, notFound } from '@/lib/errors'
import type { GuestSession } from '@/server/auth/guest-session'
import { assertLinkUsable, type GuestPrincipal } from './guest-principal'

export interface GuestAccess {
  guest: GuestPrincipal
  /** The name the guest gave, once they gave one. */
  guestName: string | null
  expiresAt: Date | null
}

export const noGuestSession = () => new AppError('UNAUTHENTICATED', { userMessage: 'Open the review link you were sent again to continue.' })

/**
 * UNAUTHENTICATED without a session, NOT_FOUND when its link is gone from the database, GONE when revoked or expired,
 * FORBIDDEN (details.passwordRequired) until the link's password was given in this session.
 */
export async function guestAccessFromSession(params: { session: GuestSession | null; db?: Executor; now?: Date }): Promise<GuestAccess> {
  const { session } = params
  if (!session) throw noGuestSession()
  const db = params.db ?? (await getDb())
  const [row] = await db
    .select({ link: shareLinks, projectId: reviewItems.projectId })
    .from(shareLinks)
    .innerJoin(reviewItems, eq(reviewItems.id, shareLinks.reviewItemId))
    .where(and(eq(shareLinks.id, session.shareLinkId), eq(shareLinks.reviewItemId, session.reviewItemId)))
  if (!row) throw notFound('That review')
  const { link } = row
  assertLinkUsable(link, params.now ?? new Date())
  if (link.passwordHash && !session.passwordVerified) {
    throw new AppError('FORBIDDEN', { userMessage: 'This review is protected by a password.', details: { passwordRequired: true } })
  }
  let guestId: string | null = null
  let guestName: string | null = null
  if (session.guestId) {
    const [guest] = await db
      .select({ id: guests.id, name: guests.name })
      .from(guests)
      .where(and(eq(guests.id, session.guestId), eq(guests.shareLinkId, link.id)))
    guestId = guest?.id ?? null
    guestName = guest?.name ?? null
  }
  return {
    guest: { kind: 'guest', shareLinkId: link.id, guestId, reviewItemId: link.reviewItemId, projectId: row.projectId, canComment: link.canComment, canDownload: link.canDownload },
    guestName,
    expiresAt: link.expiresAt,
  }
}

/** Whether an error from guestAccessFromSession means "ask for the password". */
export function isPasswordRequired(error: unknown): boolean {
  return error instanceof AppError && error.code === 'FORBIDDEN' && error.details?.passwordRequired === true
}
