import { describe, expect, it } from 'vitest'
import { guestSessionMaxAgeSeconds, readGuestSession, signGuestSession, type GuestSession } from './guest-session'

const secret = 'guest-session-test-secret-0123456789'
const now = 1_800_000_000
const session: GuestSession = { shareLinkId: 'link-1', reviewItemId: 'item-1', guestId: null, passwordVerified: false, issuedAt: now }

describe('guest session cookie', () => {
  it('round-trips and never carries anything but ids, flags and a time', () => {
    const value = signGuestSession({ ...session, guestId: 'guest-9', passwordVerified: true }, secret)
    expect(readGuestSession(value, secret, now + 60)).toEqual({ ...session, guestId: 'guest-9', passwordVerified: true })
    expect(value).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
  })

  it('refuses a cookie whose payload was edited (e.g. to claim the password was given)', () => {
    const value = signGuestSession(session, secret)
    const [, signature] = value.split('.')
    const forged = Buffer.from(JSON.stringify({ v: 1, l: 'link-1', r: 'item-1', g: null, p: true, iat: now })).toString('base64url')
    expect(readGuestSession(`${forged}.${signature}`, secret, now)).toBeNull()
    expect(readGuestSession(value, 'another-secret-0123456789-abcdef', now)).toBeNull()
    expect(readGuestSession(`${value}.x`, secret, now)).toBeNull()
    expect(readGuestSession('', secret, now)).toBeNull()
    expect(readGuestSession('not-a-cookie', secret, now)).toBeNull()
  })

  it('expires after 30 days and refuses sessions issued in the future', () => {
    const value = signGuestSession(session, secret)
    expect(readGuestSession(value, secret, now + guestSessionMaxAgeSeconds)).not.toBeNull()
    expect(readGuestSession(value, secret, now + guestSessionMaxAgeSeconds + 1)).toBeNull()
    expect(readGuestSession(value, secret, now - 3600)).toBeNull()
  })
})
