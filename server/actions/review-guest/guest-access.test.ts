// Guest access end to end below the browser: the /r/<token> route, the password and name steps, every guest action
// and the media route, called through their real exports with a signed guest session (runAsGuest stands in for the
// cookie). Wrong links, revoked links and other items' ids are NOT_FOUND or GONE and change nothing.
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as openLink } from '@/app/r/[token]/route'
import { GET as fetchMediaRoute } from '@/app/api/media/[assetId]/route'
import type { DatabaseHandle } from '@/db/client'
import { openTestDatabase } from '@/db/test-database'
import { reviewComments, reviewVersions, shareLinks } from '@/db/schema'
import type { ActionResult } from '@/lib/action-result'
import { runAsActor } from '@/server/auth/actor-context'
import { guestSessionCookieName, readGuestSession, signGuestSession, type GuestSession } from '@/server/auth/guest-session'
import { runAsGuest } from '@/server/auth/guest-session-request'
import { useTemporaryMediaStorage } from '@/server/services/assets/testing'
import { createComment } from '@/server/services/review/create-comment'
import { createShareLink } from '@/server/services/review/create-share-link'
import { listShareLinks } from '@/server/services/review/list-share-links'
import { seedReview, seedVideoAsset } from '@/server/services/review/review-fixtures'
import { revokeShareLink } from '@/server/services/review/revoke-share-link'
import { seedTeam } from '@/server/services/testing/fixtures'
import { createGuestCommentAction } from './create-guest-comment'
import { listGuestCommentsAction } from './list-guest-comments'
import { listGuestVersionsAction } from './list-guest-versions'
import { replyAsGuestAction } from './reply-as-guest'
import { setGuestNameAction } from './set-guest-name'
import { setGuestVersionStatusAction } from './set-guest-version-status'
import { verifyGuestPasswordAction } from './verify-guest-password'

const secret = 'guest-access-test-secret-0123456789abcdef'
const origin = 'http://storyreel.test'

let handle: DatabaseHandle
let media: Awaited<ReturnType<typeof useTemporaryMediaStorage>>
let team: Awaited<ReturnType<typeof seedTeam>>
let review: Awaited<ReturnType<typeof seedReview>>
let other: Awaited<ReturnType<typeof seedReview>>
const previousEnv = { secret: process.env.NEXTAUTH_SECRET, appUrl: process.env.APP_URL }

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = secret
  process.env.APP_URL = origin
  handle = await openTestDatabase()
  media = await useTemporaryMediaStorage()
  team = await seedTeam('Guests')
  review = await seedReview({ owner: team.owner, workspaceId: team.workspaceId })
  other = await seedReview({ owner: team.owner, workspaceId: team.workspaceId })
})

afterAll(async () => {
  process.env.NEXTAUTH_SECRET = previousEnv.secret
  process.env.APP_URL = previousEnv.appUrl
  await handle.close()
  await media.cleanup()
})

const share = (extra: { password?: string; canComment?: boolean; canDownload?: boolean; reviewItemId?: string; projectId?: string } = {}) =>
  createShareLink({ actor: team.editor, projectId: extra.projectId ?? review.projectId, reviewItemId: extra.reviewItemId ?? review.reviewItemId, ...extra })

async function visit(token: string, cookie?: string): Promise<Response> {
  const request = new Request(`${origin}/r/${token}`, { headers: cookie ? { cookie } : {} })
  return openLink(request, { params: Promise.resolve({ token }) })
}

function sessionFrom(response: Response): GuestSession {
  const setCookie = response.headers.get('set-cookie') ?? ''
  const value = new RegExp(`${guestSessionCookieName}=([^;]+)`).exec(setCookie)?.[1]
  const session = readGuestSession(value, secret)
  if (!session) throw new Error(`no guest session in ${setCookie}`)
  return session
}

/** Runs a guest action with `session`; returns its result and the session the browser would hold afterwards. */
async function asGuest<T>(session: GuestSession | null, action: () => Promise<ActionResult<T>>) {
  const { result, session: after } = await runAsGuest(session, action)
  return { result, session: after }
}

const code = (result: ActionResult<unknown>) => (result.ok ? 'ok' : result.error.code)

/** Opens a link and gives a name: a guest on the review page. */
async function namedGuest(url: string, name = 'Clara Client'): Promise<GuestSession> {
  const opened = sessionFrom(await visit(url.split('/r/')[1]!))
  const { result, session } = await asGuest(opened, () => setGuestNameAction({ name }))
  expect(result).toEqual({ ok: true, data: { name } })
  return session!
}

describe('GET /r/<token>', () => {
  it('swaps the token for an httpOnly guest cookie and redirects to a clean URL without it', async () => {
    const { url, shareLinkId } = await share()
    const token = url.split('/r/')[1]!
    const response = await visit(token)
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`/review/${shareLinkId}`)
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    expect(response.headers.get('cache-control')).toBe('no-store')
    const setCookie = response.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    expect(setCookie).toMatch(/Path=\//)
    expect(setCookie).not.toMatch(/Secure/i)
    expect(setCookie).not.toContain(token)
    expect(sessionFrom(response)).toMatchObject({ shareLinkId, reviewItemId: review.reviewItemId, guestId: null, passwordVerified: true })
  })

  it('marks the cookie Secure on an https deployment and lets it last no longer than the link', async () => {
    process.env.APP_URL = 'https://reel.example.test'
    try {
      const { url } = await createShareLink({ actor: team.editor, projectId: review.projectId, reviewItemId: review.reviewItemId, expiresInDays: 1 })
      const setCookie = (await visit(url.split('/r/')[1]!)).headers.get('set-cookie') ?? ''
      expect(setCookie).toMatch(/Secure/i)
      const maxAge = Number(/Max-Age=(\d+)/i.exec(setCookie)?.[1])
      expect(maxAge).toBeGreaterThan(86_000)
      expect(maxAge).toBeLessThanOrEqual(86_400)
    } finally {
      process.env.APP_URL = origin
    }
  })

  it('answers a friendly 404 page for an unknown or malformed token, and 410 for revoked or expired links', async () => {
    for (const token of ['x'.repeat(43), '..%2F..%2Fetc', 'short']) {
      const response = await visit(token)
      expect(response.status).toBe(404)
      expect(response.headers.get('set-cookie')).toBeNull()
      expect(await response.text()).toContain('This review link does not work')
    }
    const revoked = await share()
    await revokeShareLink({ actor: team.editor, projectId: review.projectId, shareLinkId: revoked.shareLinkId })
    const gone = await visit(revoked.url.split('/r/')[1]!)
    expect(gone.status).toBe(410)
    expect(gone.headers.get('referrer-policy')).toBe('no-referrer')
    expect(await gone.text()).toContain('This review link was turned off')
    const expired = await share()
    await handle.db.update(shareLinks).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(shareLinks.id, expired.shareLinkId))
    const late = await visit(expired.url.split('/r/')[1]!)
    expect(late.status).toBe(410)
    expect(await late.text()).toContain('This review link has expired')
  })

  it('opening the same link again keeps the name this browser gave; another link starts afresh', async () => {
    const { url } = await share()
    const named = await namedGuest(url)
    const again = sessionFrom(await visit(url.split('/r/')[1]!, `${guestSessionCookieName}=${signGuestSession(named, secret)}`))
    expect(again.guestId).toBe(named.guestId)
    const [listed] = (await listShareLinks({ actor: team.editor, projectId: review.projectId, reviewItemId: review.reviewItemId })).filter((link) => link.id === named.shareLinkId)
    expect(listed).toMatchObject({ guestCount: 1, lastGuestAt: expect.any(Date), createdByName: team.editor.name, revokedAt: null })
    const another = await share()
    const fresh = sessionFrom(await visit(another.url.split('/r/')[1]!, `${guestSessionCookieName}=${signGuestSession(named, secret)}`))
    expect(fresh).toMatchObject({ shareLinkId: another.shareLinkId, guestId: null })
  })
})

describe('password and name', () => {
  it('asks for the password before anything else, then rate-limits guesses with a clear wait', async () => {
    const { url } = await share({ password: 'open sesame 42', canComment: true })
    const opened = sessionFrom(await visit(url.split('/r/')[1]!))
    expect(opened.passwordVerified).toBe(false)
    const before = await asGuest(opened, () => listGuestVersionsAction({}))
    expect(before.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'This review is protected by a password.' } })
    expect(code((await asGuest(opened, () => setGuestNameAction({ name: 'Sneaky' }))).result)).toBe('FORBIDDEN')

    const wrong = await asGuest(opened, () => verifyGuestPasswordAction({ password: 'open sesame' }))
    expect(wrong.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'That password is not right.' } })
    expect(wrong.session?.passwordVerified).toBe(false)
    const right = await asGuest(opened, () => verifyGuestPasswordAction({ password: 'open sesame 42' }))
    expect(right.result).toEqual({ ok: true, data: { verified: true } })
    expect(right.session?.passwordVerified).toBe(true)
    expect(code((await asGuest(right.session, () => listGuestVersionsAction({}))).result)).toBe('ok')

    // Every try counts (the right one too, so the limit cannot be probed): three more use up the five, and then even
    // the right password is refused with the wait.
    for (let i = 0; i < 3; i++) expect(code((await asGuest(opened, () => verifyGuestPasswordAction({ password: `guess ${i}` }))).result)).toBe('FORBIDDEN')
    const locked = await asGuest(opened, () => verifyGuestPasswordAction({ password: 'open sesame 42' }))
    expect(locked.result).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: 'Too many password attempts. Try again in 15 minutes.' } })
    expect(locked.session?.passwordVerified).toBe(false)
  })

  it('refuses an empty or overlong name and keeps the guest unnamed', async () => {
    const opened = sessionFrom(await visit((await share()).url.split('/r/')[1]!))
    for (const name of ['   ', 'x'.repeat(81)]) {
      const { result, session } = await asGuest(opened, () => setGuestNameAction({ name }))
      expect(code(result)).toBe('BAD_REQUEST')
      expect(session?.guestId).toBeNull()
    }
  })

  it('without a guest session every guest action asks to open the link again', async () => {
    const result = (await asGuest(null, () => listGuestVersionsAction({}))).result
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Open the review link you were sent again to continue.' } })
    expect(code((await asGuest(null, () => setGuestNameAction({ name: 'Nobody' }))).result)).toBe('UNAUTHENTICATED')
    expect(code((await asGuest(null, () => verifyGuestPasswordAction({ password: 'whatever' }))).result)).toBe('UNAUTHENTICATED')
  })
})

describe('guest actions on the review', () => {
  it('lists versions and only client-visible comments, and refuses client-chosen scope', async () => {
    await createComment({ actor: team.commenter, projectId: review.projectId, versionId: review.versionId, frameIn: 1, body: 'Team only: the budget' })
    await createComment({ actor: team.commenter, projectId: review.projectId, versionId: review.versionId, frameIn: 2, body: 'For the client', visibility: 'client' })
    const guest = await namedGuest((await share()).url)
    const versions = await asGuest(guest, () => listGuestVersionsAction({}))
    expect(versions.result).toMatchObject({ ok: true, data: [{ id: review.versionId, number: 1, downloadUrl: null }] })
    const comments = await asGuest(guest, () => listGuestCommentsAction({ versionId: review.versionId }))
    if (!comments.result.ok) throw new Error(comments.result.error.message)
    expect(comments.result.data.map((comment) => comment.body)).toEqual(['For the client'])
    // A project id or visibility from the client is refused before anything happens.
    expect(code((await asGuest(guest, () => listGuestCommentsAction({ versionId: review.versionId, projectId: other.projectId }))).result)).toBe('BAD_REQUEST')
    expect(code((await asGuest(guest, () => listGuestCommentsAction({ versionId: other.versionId }))).result)).toBe('NOT_FOUND')
  })

  it('a guest with comment rights comments (client-visible, marked guest), replies to client threads and approves', async () => {
    const guest = await namedGuest((await share({ canComment: true })).url, 'Gina Guest')
    const created = await asGuest(guest, () => createGuestCommentAction({ versionId: review.versionId, frameIn: 10, body: 'Warmer here please' }))
    if (!created.result.ok) throw new Error(created.result.error.message)
    const [row] = await handle.db.select().from(reviewComments).where(eq(reviewComments.id, created.result.data.commentId))
    expect(row).toMatchObject({ visibility: 'client', authorGuestId: guest.guestId, authorUserId: null, frameIn: 10 })
    // Team-only visibility from a guest is refused, not silently honoured.
    expect(code((await asGuest(guest, () => createGuestCommentAction({ versionId: review.versionId, frameIn: 10, body: 'x', visibility: 'team' }))).result)).toBe('BAD_REQUEST')
    expect(code((await asGuest(guest, () => createGuestCommentAction({ versionId: review.versionId, frameIn: 5000, body: 'Too late' }))).result)).toBe('BAD_REQUEST')
    expect(code((await asGuest(guest, () => createGuestCommentAction({ versionId: other.versionId, frameIn: 1, body: 'Elsewhere' }))).result)).toBe('NOT_FOUND')

    const client = await createComment({ actor: team.editor, projectId: review.projectId, versionId: review.versionId, frameIn: 3, body: 'Client thread', visibility: 'client' })
    const team_ = await createComment({ actor: team.editor, projectId: review.projectId, versionId: review.versionId, frameIn: 4, body: 'Team thread' })
    const reply = await asGuest(guest, () => replyAsGuestAction({ commentId: client.commentId, body: 'Agreed' }))
    expect(code(reply.result)).toBe('ok')
    expect(code((await asGuest(guest, () => replyAsGuestAction({ commentId: team_.commentId, body: 'Peek' }))).result)).toBe('NOT_FOUND')
    const listed = await asGuest(guest, () => listGuestCommentsAction({ versionId: review.versionId }))
    if (!listed.result.ok) throw new Error(listed.result.error.message)
    expect(listed.result.data.find((comment) => comment.body === 'Agreed')).toMatchObject({ parentId: client.commentId, authorName: 'Gina Guest', authorKind: 'guest' })

    expect(code((await asGuest(guest, () => setGuestVersionStatusAction({ versionId: review.versionId, status: 'in_review' }))).result)).toBe('BAD_REQUEST')
    expect(code((await asGuest(guest, () => setGuestVersionStatusAction({ versionId: review.versionId, status: 'changes_requested' }))).result)).toBe('ok')
    const [version] = await handle.db.select().from(reviewVersions).where(eq(reviewVersions.id, review.versionId))
    expect(version).toMatchObject({ status: 'changes_requested', statusChangedByGuestId: guest.guestId })
  })

  it('a watch-only guest cannot comment, reply or change the status', async () => {
    const guest = await namedGuest((await share()).url)
    const client = await createComment({ actor: team.editor, projectId: review.projectId, versionId: review.versionId, frameIn: 6, body: 'Hello client', visibility: 'client' })
    expect(code((await asGuest(guest, () => createGuestCommentAction({ versionId: review.versionId, frameIn: 1, body: 'Hi' }))).result)).toBe('FORBIDDEN')
    expect(code((await asGuest(guest, () => replyAsGuestAction({ commentId: client.commentId, body: 'Hi' }))).result)).toBe('FORBIDDEN')
    expect(code((await asGuest(guest, () => setGuestVersionStatusAction({ versionId: review.versionId, status: 'approved' }))).result)).toBe('FORBIDDEN')
  })

  it('after revocation every guest action answers GONE and nothing is written', async () => {
    const { url, shareLinkId } = await share({ canComment: true })
    const guest = await namedGuest(url)
    await revokeShareLink({ actor: team.owner, projectId: review.projectId, shareLinkId })
    const before = await handle.db.select({ id: reviewComments.id }).from(reviewComments)
    const calls: [string, () => Promise<ActionResult<unknown>>][] = [
      ['listVersions', () => listGuestVersionsAction({})],
      ['listComments', () => listGuestCommentsAction({ versionId: review.versionId })],
      ['createComment', () => createGuestCommentAction({ versionId: review.versionId, frameIn: 1, body: 'Still here?' })],
      ['reply', () => replyAsGuestAction({ commentId: before[0]!.id, body: 'Still here?' })],
      ['setStatus', () => setGuestVersionStatusAction({ versionId: review.versionId, status: 'approved' })],
      ['setName', () => setGuestNameAction({ name: 'Later' })],
    ]
    for (const [name, call] of calls) {
      const { result } = await asGuest(guest, call)
      expect([name, result]).toMatchObject([name, { ok: false, error: { code: 'GONE', message: 'This review link has been turned off. Ask the sender for a new one.' } }])
    }
    expect(await handle.db.select({ id: reviewComments.id }).from(reviewComments)).toHaveLength(before.length)
  })
})

describe('GET /api/media/<assetId> for guests', () => {
  let proxyId: string
  let otherProxyId: string

  /** A stored proxy attached to a version, as the processing job leaves it. */
  async function storedProxy(target: { projectId: string; versionId: string }, bytes = 1000): Promise<string> {
    const assetId = await seedVideoAsset({ workspaceId: team.workspaceId, projectId: target.projectId, durationFrames: 240 })
    await media.storage.put(`projects/${target.projectId}/${assetId}/cut.mp4`, new Uint8Array(bytes).fill(7), { contentType: 'video/mp4' })
    await handle.db.update(reviewVersions).set({ proxyAssetId: assetId, processing: 'ready' }).where(eq(reviewVersions.id, target.versionId))
    return assetId
  }

  beforeAll(async () => {
    proxyId = await storedProxy(review)
    otherProxyId = await storedProxy(other)
    await media.storage.put(`projects/${review.projectId}/${review.assetId}/cut.mp4`, new Uint8Array(1000).fill(9), { contentType: 'video/mp4' })
  })

  const fetchAs = (session: GuestSession | null, assetId: string, headers: Record<string, string> = {}) =>
    runAsActor(null, async () =>
      (await runAsGuest(session, () => fetchMediaRoute(new Request(`${origin}/api/media/${assetId}`, { headers }), { params: Promise.resolve({ assetId }) }))).result,
    )

  it("serves the guest's own proxy with ranges, nosniff and no long-lived cache", async () => {
    const guest = await namedGuest((await share()).url)
    const full = await fetchAs(guest, proxyId)
    expect(full.status).toBe(200)
    expect(full.headers.get('x-content-type-options')).toBe('nosniff')
    expect(full.headers.get('cache-control')).toBe('private, no-cache')
    expect(full.headers.get('referrer-policy')).toBe('no-referrer')
    const part = await fetchAs(guest, proxyId, { range: 'bytes=0-99' })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe('bytes 0-99/1000')
    expect((await part.arrayBuffer()).byteLength).toBe(100)
  })

  it("is 404 for another item's media and for the original without download rights; download rights open the original", async () => {
    const watcher = await namedGuest((await share()).url)
    expect((await fetchAs(watcher, otherProxyId)).status).toBe(404)
    expect((await fetchAs(watcher, review.assetId)).status).toBe(404)
    const downloader = await namedGuest((await share({ canDownload: true })).url)
    expect((await fetchAs(downloader, review.assetId)).status).toBe(200)
    expect((await fetchAs(downloader, otherProxyId)).status).toBe(404)
    const versions = await asGuest(downloader, () => listGuestVersionsAction({}))
    expect(versions.result).toMatchObject({ ok: true, data: [{ downloadUrl: `/api/media/${review.assetId}?download=1` }] })
  })

  it('is 401 without any session, 403 before the password, and 410 on the first request after revocation', async () => {
    expect((await fetchAs(null, proxyId)).status).toBe(401)
    const locked = sessionFrom(await visit((await share({ password: 'open sesame 42' })).url.split('/r/')[1]!))
    expect((await fetchAs(locked, proxyId)).status).toBe(403)
    const { url, shareLinkId } = await share()
    const guest = await namedGuest(url)
    expect((await fetchAs(guest, proxyId)).status).toBe(200)
    await revokeShareLink({ actor: team.owner, projectId: review.projectId, shareLinkId })
    const after = await fetchAs(guest, proxyId)
    expect(after.status).toBe(410)
    expect(await after.json()).toEqual({ error: { code: 'GONE', message: 'This review link has been turned off. Ask the sender for a new one.' } })
  })

  describe('a response already streaming when access ends', () => {
    const size = 32 * 1024 * 1024
    let streamedReview: Awaited<ReturnType<typeof seedReview>>
    let bigProxyId: string
    beforeAll(async () => {
      streamedReview = await seedReview({ owner: team.owner, workspaceId: team.workspaceId })
      bigProxyId = await storedProxy(streamedReview, size)
    })

    const shareStreamed = () => createShareLink({ actor: team.editor, projectId: streamedReview.projectId, reviewItemId: streamedReview.reviewItemId })

    /** An open-ended range the way a <video> asks for it, with its first chunk already received. */
    async function openStream(session: GuestSession) {
      const response = await fetchAs(session, bigProxyId, { range: 'bytes=0-' })
      expect(response.status).toBe(206)
      expect(response.headers.get('content-range')).toBe(`bytes 0-${size - 1}/${size}`)
      const reader = response.body!.getReader()
      const first = await reader.read()
      return { reader, bytes: first.value?.byteLength ?? 0 }
    }

    /**
     * Keeps reading at a player's pace on a slow line (a chunk every 20 ms, so 32 MiB would take ~10 s) until the body
     * ends, fails or `forMs` pass; says which and when, measured from `since`.
     */
    async function readPaced(stream: { reader: ReadableStreamDefaultReader<Uint8Array>; bytes: number }, since: number, forMs: number) {
      let bytes = stream.bytes
      for (;;) {
        if (Date.now() - since > forMs) return { outcome: 'still open', bytes, afterMs: Date.now() - since }
        try {
          const next = await stream.reader.read()
          if (next.done) return { outcome: 'finished', bytes, afterMs: Date.now() - since }
          bytes += next.value.byteLength
        } catch {
          return { outcome: 'cut', bytes, afterMs: Date.now() - since }
        }
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    }

    it('revoking a link cuts its guest\'s open stream within 5 s; another link\'s guest keeps streaming', async () => {
      const revoked = await shareStreamed()
      const kept = await shareStreamed()
      const leaving = await openStream(await namedGuest(revoked.url, 'Leaving Guest'))
      const staying = await openStream(await namedGuest(kept.url, 'Staying Guest'))
      await revokeShareLink({ actor: team.owner, projectId: streamedReview.projectId, shareLinkId: revoked.shareLinkId })
      const revokedAt = Date.now()
      const [cut, open] = await Promise.all([readPaced(leaving, revokedAt, 6000), readPaced(staying, revokedAt, 5000)])
      expect(cut).toMatchObject({ outcome: 'cut', afterMs: expect.any(Number) })
      expect(cut.afterMs).toBeLessThan(5000)
      expect(cut.bytes).toBeLessThan(size)
      // The live link's stream outlasted two rechecks (every 2 s) without being cut.
      expect(open.outcome).toBe('still open')
      await staying.reader.cancel()
    })

    it('a link that expires mid-stream cuts the stream within 5 s of expiry', async () => {
      const { url, shareLinkId } = await shareStreamed()
      const stream = await openStream(await namedGuest(url))
      const expiresAt = Date.now() + 1000
      // Written straight to the database, as another instance or the clock would leave it.
      await handle.db.update(shareLinks).set({ expiresAt: new Date(expiresAt) }).where(eq(shareLinks.id, shareLinkId))
      const result = await readPaced(stream, expiresAt, 6000)
      expect(result.outcome).toBe('cut')
      expect(result.afterMs).toBeLessThan(5000)
      expect(result.bytes).toBeLessThan(size)
    })
  })
})
