// GET /r/<token> — a guest opens a share link: the token is swapped for a signed, httpOnly guest-session cookie and
// the browser is sent on to a clean URL, so the token does not stay in the address bar, history or any Referer.
// Unknown links get a 404 page, revoked or expired ones a 410 page. The token is never logged.
import { parseCookie } from 'cookie'
import { NextResponse } from 'next/server'
import { isAppError } from '@/lib/errors'
import { guestCookieAttributes, guestSessionCookieName, guestSessionMaxAgeSeconds, guestSessionSecret, readGuestSession, signGuestSession } from '@/server/auth/guest-session'
import { openShareLink } from '@/server/services/review/open-share-link'
import { goneLink, linkUnavailableResponse, unknownLink } from './link-unavailable-page'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

// Tokens are 43 base64url characters; anything far off that is not worth a database lookup.
const tokenShape = /^[A-Za-z0-9_-]{20,100}$/

export async function GET(request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await context.params
  if (!tokenShape.test(token)) return linkUnavailableResponse(unknownLink)
  const secret = guestSessionSecret()
  const previousValue = parseCookie(request.headers.get('cookie') ?? '')[guestSessionCookieName]
  try {
    const { session, expiresAt } = await openShareLink({ token, previous: readGuestSession(previousValue, secret) })
    const untilExpiry = expiresAt ? Math.floor((expiresAt.getTime() - Date.now()) / 1000) : guestSessionMaxAgeSeconds
    const response = new NextResponse(null, {
      status: 303,
      headers: { Location: `/review/${encodeURIComponent(session.shareLinkId)}`, 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' },
    })
    response.cookies.set(guestSessionCookieName, signGuestSession(session, secret), guestCookieAttributes(Math.max(1, Math.min(untilExpiry, guestSessionMaxAgeSeconds))))
    return response
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return linkUnavailableResponse(unknownLink)
    if (isAppError(error) && error.code === 'GONE') return linkUnavailableResponse(goneLink(error.userMessage))
    console.error('[guest link] could not open a share link:', (error as Error).message)
    throw error
  }
}
