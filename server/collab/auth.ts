// Who is knocking: the upgrade's Origin must be the app's own, and the request must carry a next-auth session or a
// guest share-link session. Decided from headers alone, before any document state is read.
import type { IncomingHttpHeaders } from 'node:http'
import { parseCookie } from 'cookie'
import { getToken } from 'next-auth/jwt'
import type { NextApiRequest } from 'next'
import type { Role } from '@/lib/roles'
import type { PresenceUser } from '@/lib/collab/presence'
import type { DocName } from '@/lib/collab/doc-name'
import { colourForId } from '@/lib/collab/identity'
import type { Actor } from '@/server/auth/require-role'

export interface UpgradeRequestInfo {
  headers: IncomingHttpHeaders
  url: string
}

export interface UserPrincipal {
  kind: 'user'
  actor: Actor
  /** Unix seconds after which the session cookie is no longer valid; open sockets are closed then. */
  expiresAt: number | null
}

export interface GuestPrincipal {
  kind: 'guest'
  guestId: string
  name: string
  /** Unix seconds after which the guest session ends, if it does. */
  expiresAt: number | null
  /** Whatever the guest resolver needs to recheck this guest later (e.g. the share link id). */
  session: Readonly<Record<string, unknown>>
}

export type Principal = UserPrincipal | GuestPrincipal

/**
 * How guests get in (registered by the review feature): read a guest session from the upgrade request, and say what
 * a guest may do on one document of a project (null: nothing; a share link opens its own review, never the board).
 * `roleOn` is asked again on every role recheck, so revoking a share link closes the guest's sockets within
 * COLLAB_ROLE_RECHECK_MS on every instance.
 */
export interface GuestResolver {
  resolve(request: UpgradeRequestInfo): Promise<GuestPrincipal | null>
  roleOn(guest: GuestPrincipal, target: { projectId: string; doc: DocName }): Promise<Role | null>
}

// On globalThis because server/main.ts (tsx) and the Next.js bundle load this module separately.
const resolverKey = Symbol.for('storyreel.collab.guestResolver')
type GlobalWithResolver = typeof globalThis & { [resolverKey]?: GuestResolver | null }

export function registerGuestResolver(resolver: GuestResolver | null): void {
  ;(globalThis as GlobalWithResolver)[resolverKey] = resolver
}

export function registeredGuestResolver(): GuestResolver | null {
  return (globalThis as GlobalWithResolver)[resolverKey] ?? null
}

export type RejectionStatus = 400 | 401 | 403 | 404 | 503

/** A refused upgrade: answered with this HTTP status and message, before the WebSocket exists. */
export class UpgradeRejection extends Error {
  override name = 'UpgradeRejection'
  constructor(
    readonly status: RejectionStatus,
    message: string,
  ) {
    super(message)
  }
}

/** Browsers always send Origin on a WebSocket upgrade; anything but the app's own origin is another site's page. */
export function checkOrigin(headers: IncomingHttpHeaders, appOrigin: string): void {
  const origin = headers.origin
  if (origin !== appOrigin) {
    throw new UpgradeRejection(403, origin ? `Origin ${origin} may not open documents here.` : 'The Origin header is missing.')
  }
}

export interface SessionSettings {
  secret: string
  /** https deployments use the __Secure- cookie name. */
  secureCookie: boolean
}

export async function authenticateUpgrade(
  request: UpgradeRequestInfo,
  settings: SessionSettings,
  guestResolver: GuestResolver | null = registeredGuestResolver(),
): Promise<Principal> {
  const cookies = parseCookie(request.headers.cookie ?? '')
  const token = await getToken({
    req: { headers: request.headers, cookies } as unknown as NextApiRequest,
    secret: settings.secret,
    secureCookie: settings.secureCookie,
  })
  if (token && typeof token.sub === 'string' && token.sub !== '') {
    const name = typeof token.name === 'string' ? token.name : null
    const email = typeof token.email === 'string' ? token.email : ''
    return {
      kind: 'user',
      actor: { userId: token.sub, name, email },
      expiresAt: typeof token.exp === 'number' ? token.exp : null,
    }
  }
  const guest = guestResolver ? await guestResolver.resolve(request) : null
  if (guest) return guest
  throw new UpgradeRejection(401, 'Please sign in to open this document.')
}

/** Stable key of a principal: one person, however many sockets. */
export function principalKey(principal: Principal): string {
  return principal.kind === 'user' ? `user:${principal.actor.userId}` : `guest:${principal.guestId}`
}

/** The identity stamped into this principal's awareness states. */
export function presenceIdentity(principal: Principal): PresenceUser {
  const id = principalKey(principal)
  const name =
    principal.kind === 'user'
      ? principal.actor.name?.trim() || principal.actor.email.split('@')[0] || 'Someone'
      : `${principal.name.trim() || 'Guest'} (guest)`
  return { id, name, color: colourForId(id), guest: principal.kind === 'guest' }
}
