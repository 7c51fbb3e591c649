// The guest session of the current request: read from the cookie inside Next.js, or from runAsGuest in tests and
// scripts (the same way runAsActor stands in for the next-auth session). Server actions that change the session
// (password given, name given) write the cookie back through here.
import { AsyncLocalStorage } from 'node:async_hooks'
import { guestCookieAttributes, guestSessionCookieName, guestSessionSecret, readGuestSession, signGuestSession, type GuestSession } from './guest-session'

interface GuestBox {
  session: GuestSession | null
}

const guestStorage = new AsyncLocalStorage<GuestBox>()

/** Runs fn as a guest holding `session` (null: no guest cookie). Returns what fn returned and the session it left. */
export async function runAsGuest<T>(session: GuestSession | null, fn: () => Promise<T>): Promise<{ result: T; session: GuestSession | null }> {
  const box: GuestBox = { session }
  const result = await guestStorage.run(box, fn)
  return { result, session: box.session }
}

export async function getGuestSession(): Promise<GuestSession | null> {
  const box = guestStorage.getStore()
  if (box) return box.session
  const { cookies } = await import('next/headers')
  let value: string | undefined
  try {
    value = (await cookies()).get(guestSessionCookieName)?.value
  } catch {
    // Outside a Next.js request (scripts, tests that set no guest) there is no cookie, so no guest.
    return null
  }
  return value ? readGuestSession(value, guestSessionSecret()) : null
}

/** Only inside a server action or route handler: pages cannot set cookies. */
export async function setGuestSession(session: GuestSession, maxAgeSeconds?: number): Promise<void> {
  const box = guestStorage.getStore()
  if (box) {
    box.session = session
    return
  }
  const { cookies } = await import('next/headers')
  ;(await cookies()).set(guestSessionCookieName, signGuestSession(session, guestSessionSecret()), guestCookieAttributes(maxAgeSeconds))
}
