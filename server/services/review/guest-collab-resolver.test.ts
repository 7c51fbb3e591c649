// Guests on the live review feed through the real collab server: only their own review's feed, and revocation
// closes their sockets well within 5 seconds, at once on this instance and by the role recheck on any other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signGuestSession, type GuestSession } from '@/server/auth/guest-session'
import type { Actor } from '@/server/auth/require-role'
import { setCollabServer } from '@/server/collab/global-handle'
import { reviewChangesKey } from '@/lib/collab/doc-name'
import { closeEvent, connectClient, openRawSocket, upgradeStatus, waitUntil, whenSynced } from '@/server/collab/testing/clients'
import { testSecret } from '@/server/collab/testing/fixtures'
import { createHarness, type Harness } from '@/server/collab/testing/harness'
import { createShareLink } from './create-share-link'
import { createGuestCollabResolver } from './guest-collab-resolver'
import { nameGuest } from './guest-name'
import { openShareLink } from './open-share-link'
import { seedReview } from './review-fixtures'
import { revokeShareLink } from './revoke-share-link'

let h: Harness
let owner: Actor
let review: Awaited<ReturnType<typeof seedReview>>

beforeAll(async () => {
  h = await createHarness({ config: { roleRecheckMs: 2_000 }, guestResolver: createGuestCollabResolver({ secret: () => testSecret }) })
  owner = { userId: h.owner.id, name: h.owner.name, email: h.owner.email }
  review = await seedReview({ owner, workspaceId: h.project.workspaceId })
}, 60_000)

afterAll(async () => {
  setCollabServer(null)
  await h?.close()
})

/** A guest who opened a fresh link (with these rights) and gave a name, as the Cookie header its browser sends. */
async function guestOnNewLink(options: { canComment?: boolean; named?: boolean } = {}) {
  const { url, shareLinkId } = await createShareLink({ actor: owner, projectId: review.projectId, reviewItemId: review.reviewItemId, canComment: options.canComment })
  let { session } = await openShareLink({ token: url.split('/r/')[1]!, previous: null })
  if (options.named ?? true) session = await nameGuest({ session, name: 'Clara Client' })
  return { shareLinkId, session, headers: headersFor(session) }
}

const headersFor = (session: GuestSession, secret = testSecret) => ({ cookie: `storyreel-guest=${signGuestSession(session, secret)}`, origin: h.server.origin })
const feed = () => `${h.server.wsUrl}/review:${review.reviewItemId}`

describe('guests on the live review feed', { timeout: 20_000 }, () => {
  it("opens the guest's own review feed and nothing else", async () => {
    const { headers } = await guestOnNewLink()
    expect(await upgradeStatus(feed(), headers)).toBe(101)
    expect(await upgradeStatus(`${h.server.wsUrl}/board:${review.projectId}`, headers)).toBe(404)
    expect(await upgradeStatus(`${h.server.wsUrl}/board:${h.project.projectId}`, headers)).toBe(404)
    const other = await seedReview({ owner, workspaceId: h.project.workspaceId })
    expect(await upgradeStatus(`${h.server.wsUrl}/review:${other.reviewItemId}`, headers)).toBe(404)
  })

  it('refuses a guest who has not given a name, and a cookie signed with another secret', async () => {
    const unnamed = await guestOnNewLink({ named: false })
    expect(await upgradeStatus(feed(), unnamed.headers)).toBe(401)
    const named = await guestOnNewLink()
    expect(await upgradeStatus(feed(), headersFor(named.session, 'another-secret-0123456789-abcdefghij'))).toBe(401)
  })

  it('a view-only guest joins read-only, a guest with comment rights as a commenter', async () => {
    const probe = async (headers: Record<string, string>) => (await fetch(`${h.server.httpUrl}/collab/review:${review.reviewItemId}`, { headers })).json()
    expect(await probe((await guestOnNewLink()).headers)).toMatchObject({ ok: true, role: 'viewer', access: 'read-only', user: { name: 'Clara Client (guest)', guest: true } })
    expect(await probe((await guestOnNewLink({ canComment: true })).headers)).toMatchObject({ ok: true, role: 'commenter', access: 'read-only' })
  })

  it('revoking nudges the guest page, then closes the guest socket at once on this instance (4403)', async () => {
    setCollabServer(h.server.collab)
    const { shareLinkId, headers } = await guestOnNewLink({ canComment: true })
    const page = connectClient({ wsUrl: h.server.wsUrl, docName: `review:${review.reviewItemId}`, headers })
    try {
      await whenSynced(page)
      const nudges = () => page.doc.getMap<number>(reviewChangesKey).get('item') ?? 0
      const before = nudges()
      const socket = await openRawSocket(feed(), headers)
      const closed = closeEvent(socket, 5_000)
      const started = performance.now()
      await revokeShareLink({ actor: owner, projectId: review.projectId, shareLinkId })
      // The reason tells this close from the role recheck's ("Your access to this project was removed.").
      expect(await closed).toEqual({ code: 4403, reason: 'This review link has been turned off.' })
      expect(performance.now() - started).toBeLessThan(1_000)
      await waitUntil(() => nudges() === before + 1, { message: "the guest's page was nudged to refetch" })
      expect(await upgradeStatus(feed(), headers)).toBe(401)
    } finally {
      page.destroy()
      setCollabServer(null)
    }
  })

  it('an instance that did not handle the revocation closes the socket at its next role recheck, within 5 s', async () => {
    const { shareLinkId, headers } = await guestOnNewLink()
    const socket = await openRawSocket(feed(), headers)
    const closed = closeEvent(socket, 5_000)
    const started = performance.now()
    await revokeShareLink({ actor: owner, projectId: review.projectId, shareLinkId })
    expect((await closed).code).toBe(4403)
    expect(performance.now() - started).toBeLessThan(5_000)
  })
})
