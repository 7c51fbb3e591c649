// How guests reach the live review feed: the collab server asks this resolver at every upgrade and every role
// recheck (COLLAB_ROLE_RECHECK_MS). A guest opens `review:<its own item>` and nothing else (never a board or a
// panel), and only while its link is live, so a revoked link's sockets close with the permanent 4403 code.
import { and, eq } from 'drizzle-orm'
import { parseCookie } from 'cookie'
import { getDb } from '@/db'
import { shareLinks } from '@/db/schema'
import { isAppError } from '@/lib/errors'
import type { Role } from '@/lib/roles'
import { guestSessionCookieName, guestSessionSecret, readGuestSession } from '@/server/auth/guest-session'
import type { GuestResolver } from '@/server/collab/auth'
import { assertLinkUsable } from './guest-principal'
import { guestAccessFromSession } from './guest-session-principal'

type GuestSocketSession = {
  shareLinkId: string
  reviewItemId: string
  projectId: string
}

function socketSession(session: Readonly<Record<string, unknown>>): GuestSocketSession | null {
  const { shareLinkId, reviewItemId, projectId } = session
  return typeof shareLinkId === 'string' && typeof reviewItemId === 'string' && typeof projectId === 'string' ? { shareLinkId, reviewItemId, projectId } : null
}

export function createGuestCollabResolver(options: { secret?: () => string } = {}): GuestResolver {
  const secret = options.secret ?? guestSessionSecret
  return {
    async resolve(request) {
      const value = parseCookie(request.headers.cookie ?? '')[guestSessionCookieName]
      const session = readGuestSession(value, secret())
      if (!session) return null
      try {
        const { guest, guestName, expiresAt } = await guestAccessFromSession({ session })
        // Unnamed guests have not reached the review page yet; they have nothing to follow.
        if (!guest.guestId || !guestName) return null
        const socket: GuestSocketSession = { shareLinkId: guest.shareLinkId, reviewItemId: guest.reviewItemId, projectId: guest.projectId }
        return { kind: 'guest', guestId: guest.guestId, name: guestName, expiresAt: expiresAt ? Math.floor(expiresAt.getTime() / 1000) : null, session: socket }
      } catch (error) {
        if (isAppError(error)) return null
        throw error
      }
    },

    async roleOn(principal, { projectId, doc }): Promise<Role | null> {
      const session = socketSession(principal.session)
      if (!session || doc.kind !== 'review' || doc.reviewItemId !== session.reviewItemId || projectId !== session.projectId) return null
      const db = await getDb()
      const [link] = await db
        .select({ revokedAt: shareLinks.revokedAt, expiresAt: shareLinks.expiresAt, canComment: shareLinks.canComment })
        .from(shareLinks)
        .where(and(eq(shareLinks.id, session.shareLinkId), eq(shareLinks.reviewItemId, session.reviewItemId)))
      if (!link) return null
      try {
        assertLinkUsable(link, new Date())
      } catch {
        return null
      }
      return link.canComment ? 'commenter' : 'viewer'
    },
  }
}

/** Whether an open socket belongs to a guest of this share link (for closing them all at once on revocation). */
export function isGuestOfShareLink(principal: { kind: string; session?: Readonly<Record<string, unknown>> }, shareLinkId: string): boolean {
  return principal.kind === 'guest' && principal.session?.shareLinkId === shareLinkId
}
