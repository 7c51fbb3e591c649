// Every change a viewer must see live bumps the review item's change feed under the right key, after its commit.
// Without a collab server in the test process the nudge lands in the stored document, which is what we read back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '@/db/test-database'
import type { DatabaseHandle } from '@/db/client'
import { reviewChangesKey, reviewDocName } from '@/lib/collab/doc-name'
import { readDocument } from '@/server/collab/document-access'
import { seedTeam } from '@/server/services/testing/fixtures'
import { createComment } from './create-comment'
import { createGuestComment } from './create-guest-comment'
import { createReviewVersion } from './create-review-version'
import { createShareLink } from './create-share-link'
import { deleteComment } from './delete-comment'
import { editComment } from './edit-comment'
import { replyToComment } from './reply-to-comment'
import { reopenComment, resolveComment } from './resolve-comment'
import { resolveShareLink } from './resolve-share-link'
import { seedReview, seedVideoAsset } from './review-fixtures'
import { setGuestVersionStatus } from './set-guest-version-status'
import { setVersionStatus } from './set-version-status'

describe('review change nudges', () => {
  let handle: DatabaseHandle
  let team: Awaited<ReturnType<typeof seedTeam>>
  let review: Awaited<ReturnType<typeof seedReview>>
  beforeAll(async () => {
    process.env.APP_URL ??= 'https://reel.example.test'
    handle = await openTestDatabase()
    team = await seedTeam('Nudges')
    review = await seedReview({ owner: team.owner, workspaceId: team.workspaceId })
  })
  afterAll(() => handle.close())

  const counter = async (key: string) => (await readDocument(reviewDocName(review.reviewItemId))).getMap<number>(reviewChangesKey).get(key) ?? 0

  /** Runs `change` and says by how much the counter under `key` moved. */
  async function bumps(key: string, change: () => Promise<unknown>): Promise<number> {
    const before = await counter(key)
    await change()
    return (await counter(key)) - before
  }

  it('comments, replies, edits, resolutions, reopenings and deletions nudge their version', async () => {
    const base = { projectId: review.projectId }
    let commentId = ''
    expect(
      await bumps(review.versionId, async () => {
        commentId = (await createComment({ ...base, actor: team.commenter, versionId: review.versionId, frameIn: 4, body: 'Hold longer' })).commentId
      }),
    ).toBe(1)
    expect(await bumps(review.versionId, () => replyToComment({ ...base, actor: team.editor, commentId, body: 'Done' }))).toBe(1)
    expect(await bumps(review.versionId, () => editComment({ ...base, actor: team.commenter, commentId, body: 'Hold much longer' }))).toBe(1)
    expect(await bumps(review.versionId, () => resolveComment({ ...base, actor: team.editor, commentId }))).toBe(1)
    expect(await bumps(review.versionId, () => reopenComment({ ...base, actor: team.editor, commentId }))).toBe(1)
    expect(await bumps(review.versionId, () => deleteComment({ ...base, actor: team.commenter, commentId }))).toBe(1)
  })

  it('a refused change nudges nobody', async () => {
    expect(await bumps(review.versionId, () => createComment({ projectId: review.projectId, actor: team.viewer, versionId: review.versionId, frameIn: 1, body: 'No' }).catch(() => null))).toBe(0)
  })

  it('a status change nudges its version; setting the same status again does not', async () => {
    const set = () => setVersionStatus({ actor: team.editor, projectId: review.projectId, versionId: review.versionId, status: 'changes_requested' })
    expect(await bumps(review.versionId, set)).toBe(1)
    expect(await bumps(review.versionId, set)).toBe(0)
  })

  it('a new version nudges the item itself', async () => {
    const assetId = await seedVideoAsset({ workspaceId: team.workspaceId, projectId: review.projectId, durationFrames: 100 })
    expect(await bumps('item', () => createReviewVersion({ actor: team.editor, projectId: review.projectId, reviewItemId: review.reviewItemId, assetId }))).toBe(1)
  })

  it("a guest's comment and status change nudge the version too", async () => {
    const { url } = await createShareLink({ actor: team.editor, projectId: review.projectId, reviewItemId: review.reviewItemId, canComment: true })
    const guest = await resolveShareLink({ token: url.split('/r/')[1]!, ip: '198.51.100.7', guestName: 'Clara' })
    expect(await bumps(review.versionId, () => createGuestComment({ guest, versionId: review.versionId, frameIn: 2, body: 'Lovely' }))).toBe(1)
    expect(await bumps(review.versionId, () => setGuestVersionStatus({ guest, versionId: review.versionId, status: 'approved' }))).toBe(1)
  })
})
