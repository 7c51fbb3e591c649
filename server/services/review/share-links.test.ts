import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '@/db/test-database'
import type { DatabaseHandle } from '@/db/client'
import { reviewMentions, shareLinks } from '@/db/schema'
import { activityKinds, outcome, seedTeam } from '@/server/services/testing/fixtures'
import { createComment } from './create-comment'
import { createGuestComment } from './create-guest-comment'
import { createShareLink } from './create-share-link'
import { getReviewItem } from './get-review-item'
import { listGuestComments } from './list-guest-comments'
import { listShareLinks } from './list-share-links'
import { resolveShareLink, shareLinkPasswordLimit } from './resolve-share-link'
import { revokeShareLink } from './revoke-share-link'
import { seedReview } from './review-fixtures'
import { setGuestVersionStatus } from './set-guest-version-status'

const tokenOf = (url: string) => url.split('/r/')[1]!

describe('share links and guests', () => {
  let handle: DatabaseHandle
  let team: Awaited<ReturnType<typeof seedTeam>>
  let review: Awaited<ReturnType<typeof seedReview>>
  beforeAll(async () => {
    process.env.APP_URL = 'https://reel.example.test'
    handle = await openTestDatabase()
    team = await seedTeam('Links')
    review = await seedReview({ owner: team.owner, workspaceId: team.workspaceId })
  })
  afterAll(() => handle.close())

  const share = (extra: { password?: string; expiresInDays?: number; canComment?: boolean } = {}) =>
    createShareLink({ actor: team.editor, projectId: review.projectId, reviewItemId: review.reviewItemId, ...extra })

  it('returns the URL once and stores only a hash of its 256-bit token', async () => {
    const { url, shareLinkId } = await share()
    expect(url).toMatch(/^https:\/\/reel\.example\.test\/r\/[A-Za-z0-9_-]{43}$/)
    const [row] = await handle.db.select().from(shareLinks).where(eq(shareLinks.id, shareLinkId))
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(row)).not.toContain(tokenOf(url))
    expect(await outcome(() => createShareLink({ actor: team.commenter, projectId: review.projectId, reviewItemId: review.reviewItemId }))).toBe('FORBIDDEN')
    const listed = await listShareLinks({ actor: team.editor, projectId: review.projectId, reviewItemId: review.reviewItemId })
    expect(listed.some((link) => link.id === shareLinkId)).toBe(true)
    expect(JSON.stringify(listed)).not.toContain('tokenHash')
  })

  it('resolves a live link to a guest principal; unknown is NOT_FOUND, revoked and expired are GONE', async () => {
    const { url, shareLinkId } = await share({ canComment: true, expiresInDays: 1 })
    const guest = await resolveShareLink({ token: tokenOf(url), ip: '203.0.113.1' })
    expect(guest).toMatchObject({ kind: 'guest', shareLinkId, reviewItemId: review.reviewItemId, projectId: review.projectId, canComment: true, canDownload: false })
    expect(await outcome(() => resolveShareLink({ token: 'x'.repeat(43), ip: '203.0.113.1' }))).toBe('NOT_FOUND')
    const later = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000)
    await expect(resolveShareLink({ token: tokenOf(url), ip: '203.0.113.1', now: later })).rejects.toMatchObject({ code: 'GONE', userMessage: expect.stringMatching(/expired/) })
    await revokeShareLink({ actor: team.editor, projectId: review.projectId, shareLinkId })
    await expect(resolveShareLink({ token: tokenOf(url), ip: '203.0.113.1' })).rejects.toMatchObject({ code: 'GONE', userMessage: expect.stringMatching(/turned off/) })
    // A guest who came in before the revocation is shut out as well.
    expect(await outcome(() => listGuestComments({ guest, versionId: review.versionId }))).toBe('GONE')
    expect(await activityKinds(team.workspaceId)).toEqual(expect.arrayContaining(['review.link_created', 'review.link_revoked']))
  })

  it('a password link refuses a wrong password, then rate-limits guesses from one address', async () => {
    const { url } = await share({ password: 'open sesame 42' })
    const token = tokenOf(url)
    expect(await outcome(() => resolveShareLink({ token, ip: '198.51.100.7' }))).toBe('FORBIDDEN')
    for (let attempt = 0; attempt < shareLinkPasswordLimit.limit; attempt++) {
      expect(await outcome(() => resolveShareLink({ token, password: 'wrong', ip: '198.51.100.7' }))).toBe('FORBIDDEN')
    }
    expect(await outcome(() => resolveShareLink({ token, password: 'open sesame 42', ip: '198.51.100.7' }))).toBe('RATE_LIMITED')
    // Another address is not held back by someone else's guessing.
    expect(await outcome(() => resolveShareLink({ token, password: 'open sesame 42', ip: '198.51.100.8' }))).toBe('ok')
  })

  it('a guest sees only client comments of its own review item; another item is NOT_FOUND', async () => {
    await createComment({ actor: team.commenter, projectId: review.projectId, versionId: review.versionId, frameIn: 1, body: 'Internal: budget' })
    await createComment({ actor: team.commenter, projectId: review.projectId, versionId: review.versionId, frameIn: 2, body: 'For the client', visibility: 'client' })
    const { url } = await share()
    const guest = await resolveShareLink({ token: tokenOf(url), ip: '192.0.2.1' })
    const seen = await listGuestComments({ guest, versionId: review.versionId })
    expect(seen.map((comment) => comment.body)).toEqual(['For the client'])
    const other = await seedReview({ owner: team.owner, workspaceId: team.workspaceId })
    expect(await outcome(() => listGuestComments({ guest, versionId: other.versionId }))).toBe('NOT_FOUND')
  })

  it('a named guest with comment rights approves; a watch-only guest may not', async () => {
    const watch = await resolveShareLink({ token: tokenOf((await share()).url), ip: '192.0.2.2', guestName: 'Wendy' })
    expect(await outcome(() => setGuestVersionStatus({ guest: watch, versionId: review.versionId, status: 'approved' }))).toBe('FORBIDDEN')
    const client = await resolveShareLink({ token: tokenOf((await share({ canComment: true })).url), ip: '192.0.2.3', guestName: 'Clara Client' })
    await setGuestVersionStatus({ guest: client, versionId: review.versionId, status: 'approved' })
    const [version] = (await getReviewItem({ actor: team.viewer, projectId: review.projectId, reviewItemId: review.reviewItemId })).versions
    expect(version).toMatchObject({ status: 'approved', statusChangedByGuestId: client.guestId, statusChangedByUserId: null })
    expect(await outcome(() => createGuestComment({ guest: watch, versionId: review.versionId, frameIn: 3, body: 'Hi' }))).toBe('FORBIDDEN')
    await expect(createGuestComment({ guest: client, versionId: review.versionId, frameIn: 500, body: 'Late' })).rejects.toMatchObject({ userMessage: 'Frame 500 is outside this version (0–239).' })
    const { commentId } = await createGuestComment({ guest: client, versionId: review.versionId, frameIn: 5, body: `Love it @${team.editor.email}` })
    // A guest's @text never turns into a member's inbox row.
    expect(await handle.db.select().from(reviewMentions).where(eq(reviewMentions.commentId, commentId))).toEqual([])
    const seen = await listGuestComments({ guest: client, versionId: review.versionId })
    expect(seen.find((comment) => comment.body.startsWith('Love it'))).toMatchObject({ authorName: 'Clara Client', authorKind: 'guest', visibility: 'client' })
  })
})
