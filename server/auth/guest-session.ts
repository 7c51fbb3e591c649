// The guest's session after opening a share link: a small signed cookie that replaces the link's token, so the token
// leaves the address bar (and every Referer) after the first request. It names the link and the review it opens,
// whether the link's password was given and which guest row the person became once named; never the token itself.
// Read by route handlers, server actions and the collab upgrade alike, so this module has no Next.js imports.
import crypto from 'node:crypto'
import { z } from 'zod'

export const guestSessionCookieName = 'storyreel-guest'

/** A guest session outlives no link, and even on a link that never expires it is asked for again after 30 days. */
export const guestSessionMaxAgeSeconds = 30 * 24 * 60 * 60

export interface GuestSession {
  shareLinkId: string
  reviewItemId: string
  /** The guests row once the person gave a name; null before. */
  guestId: string | null
  /** True when the link has no password or the right one was given in this session. */
  passwordVerified: boolean
  /** Unix seconds. */
  issuedAt: number
}

const payloadSchema = z.strictObject({
  v: z.literal(1),
  l: z.string().min(1).max(100),
  r: z.string().min(1).max(100),
  g: z.string().min(1).max(100).nullable(),
  p: z.boolean(),
  iat: z.int().nonnegative(),
})

// A key of its own, derived from the app secret, so a guest cookie can never pass for anything next-auth signs.
function signingKey(secret: string): Buffer {
  if (secret.length < 16) throw new Error('The session secret is missing or too short to sign guest sessions.')
  return Buffer.from(crypto.hkdfSync('sha256', secret, 'storyreel', 'guest-session-v1', 32))
}

function mac(payload: string, secret: string): string {
  return crypto.createHmac('sha256', signingKey(secret)).update(payload).digest('base64url')
}

export function signGuestSession(session: GuestSession, secret: string): string {
  const payload = Buffer.from(
    JSON.stringify({ v: 1, l: session.shareLinkId, r: session.reviewItemId, g: session.guestId, p: session.passwordVerified, iat: session.issuedAt }),
  ).toString('base64url')
  return `${payload}.${mac(payload, secret)}`
}

/** The session in a cookie value, or null when it is absent, tampered with, malformed or too old. */
export function readGuestSession(value: string | undefined | null, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): GuestSession | null {
  if (!value || value.length > 1000) return null
  const [payload, signature, extra] = value.split('.')
  if (!payload || !signature || extra !== undefined) return null
  const expected = Buffer.from(mac(payload, secret))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  const parsed = payloadSchema.safeParse(json)
  if (!parsed.success) return null
  const { l, r, g, p, iat } = parsed.data
  // A clock a little ahead on another instance is fine; a session from the far future is not ours.
  if (iat > nowSeconds + 300 || nowSeconds - iat > guestSessionMaxAgeSeconds) return null
  return { shareLinkId: l, reviewItemId: r, guestId: g, passwordVerified: p, issuedAt: iat }
}

/** The app secret the Next.js bundle and the collab server share (server/main.ts settles it before either starts). */
export function guestSessionSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set; guest sessions cannot be signed.')
  return secret
}

/** Secure on https deployments; plain http (a laptop) would never send a Secure cookie back. */
export function guestCookieSecure(): boolean {
  return (process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? '').startsWith('https:')
}

export interface GuestCookieAttributes {
  httpOnly: true
  sameSite: 'lax'
  secure: boolean
  path: '/'
  maxAge: number
}

/** Lax, not Strict: the first visit arrives from a mail or chat app, and the redirect after it must carry the cookie. */
export function guestCookieAttributes(maxAgeSeconds = guestSessionMaxAgeSeconds): GuestCookieAttributes {
  return { httpOnly: true, sameSite: 'lax', secure: guestCookieSecure(), path: '/', maxAge: maxAgeSeconds }
}
