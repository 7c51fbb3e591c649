import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '@/db/test-database'
import type { DatabaseHandle } from '@/db/client'
import { memberships, reviewVersions } from '@/db/schema'
import { outcome, seedTeam, seedUser, addMember } from '@/server/services/testing/fixtures'
import { createComment } from './create-comment'
import { deleteComment } from './delete-comment'
import { getReviewRoom } from './get-review-room'
import { listMentionCandidates } from './list-mention-candidates'
import { countUnreadMentions, listMyMentions } from './list-my-mentions'
import { listReviewOverview } from './list-review-overview'
import { markMentionsRead } from './mark-mentions-read'
import { resolveComment } from './resolve-comment'
import { seedReview } from './review-fixtures'
import { setVersionStatus } from './set-version-status'

describe('review room, overview and mention inbox', () => {
  let handle: DatabaseHandle
  let team: Awaited<ReturnType<typeof seedTeam>>
  let review: Awaited<ReturnType<typeof seedReview>>
  beforeAll(async () => {
    handle = await openTestDatabase()
    team = await seedTeam('Room')
    review = await seedReview({ owner: team.owner, workspaceId: team.workspaceId, frameRate: '29.97DF', startTimecode: '00:59:58;00' })
  })
  afterAll(() => handle.close())

  it('the room names who changed the status and hands out media URLs only once processing is done', async () => {
    await setVersionStatus({ actor: team.editor, projectId: review.projectId, versionId: review.versionId, status: 'changes_requested' })
    const before = await getReviewRoom({ actor: team.viewer, projectId: review.projectId, reviewItemId: review.reviewItemId })
    expect(before.timing).toEqual({ rate: { numerator: 30000, denominator: 1001 }, dropFrame: true, startTimecode: '00:59:58;00' })
    expect(before.role).toBe('viewer')
    expect(before.versions).toHaveLength(1)
    expect(before.versions[0]).toMatchObject({
      number: 1,
      status: 'changes_requested',
      statusChangedBy: { name: team.editor.name, kind: 'member' },
      createdByName: team.owner.name,
      processing: 'pending',
      proxyUrl: null,
      downloadUrl: `/api/media/${review.assetId}?download=1`,
    })
    await handle.db.update(reviewVersions).set({ processing: 'ready', proxyAssetId: review.assetId }).where(eq(reviewVersions.id, review.versionId))
    const after = await getReviewRoom({ actor: team.viewer, projectId: review.projectId, reviewItemId: review.reviewItemId })
    expect(after.versions[0]?.proxyUrl).toBe(`/api/media/${review.assetId}`)
    const outsider = await seedUser('Room Outsider')
    expect(await outcome(() => getReviewRoom({ actor: outsider, projectId: review.projectId, reviewItemId: review.reviewItemId }))).toBe('NOT_FOUND')
  })

  it('the overview counts open top-level notes on the latest version only', async () => {
    const fresh = await seedReview({ owner: team.owner, workspaceId: team.workspaceId })
    const note = (frameIn: number) => createComment({ actor: team.commenter, projectId: fresh.projectId, versionId: fresh.versionId, frameIn, body: 'Note' })
    const [a] = await Promise.all([note(1), note(2), note(3)])
    await resolveComment({ actor: team.editor, projectId: fresh.projectId, commentId: a!.commentId })
    const [item] = await listReviewOverview({ actor: team.viewer, projectId: fresh.projectId })
    expect(item).toMatchObject({ title: 'Teaser cut', versionCount: 1, latest: { number: 1, status: 'in_review', openComments: 2 } })
    expect(await listReviewOverview({ actor: team.viewer, projectId: (await seedReview({ owner: team.owner, workspaceId: team.workspaceId })).projectId })).toHaveLength(1)
  })

  it('mention candidates are the workspace members, for commenters and up', async () => {
    const candidates = await listMentionCandidates({ actor: team.commenter, projectId: review.projectId })
    expect(candidates.map((candidate) => candidate.userId).sort()).toEqual([team.owner, team.editor, team.commenter, team.viewer].map((person) => person.userId).sort())
    expect(await outcome(() => listMentionCandidates({ actor: team.viewer, projectId: review.projectId }))).toBe('FORBIDDEN')
  })

  it('the inbox lists unread mentions first, drops deleted notes and workspaces the person left, and marks only their own rows', async () => {
    const reader = await seedUser('Inbox Ida')
    await addMember(team.workspaceId, reader, 'viewer')
    const handleOf = reader.email.split('@')[0]
    const mention = (frameIn: number, body: string) => createComment({ actor: team.commenter, projectId: review.projectId, versionId: review.versionId, frameIn, body: `@${handleOf} ${body}` })
    const first = await mention(10, 'first')
    await mention(20, 'second')
    const gone = await mention(30, 'deleted later')
    await deleteComment({ actor: team.commenter, projectId: review.projectId, commentId: gone.commentId })
    expect(await countUnreadMentions({ actor: reader })).toBe(2)

    // Someone else cannot mark Ida's mentions read.
    expect(await markMentionsRead({ actor: team.editor, commentIds: [first.commentId] })).toEqual({ marked: 0 })
    expect(await markMentionsRead({ actor: reader, commentIds: [first.commentId] })).toEqual({ marked: 1 })
    const listed = await listMyMentions({ actor: reader })
    expect(listed.map((entry) => [entry.body, entry.readAt === null])).toEqual([
      [`@${handleOf} second`, true],
      [`@${handleOf} first`, false],
    ])
    expect(listed[0]).toMatchObject({ reviewItemId: review.reviewItemId, versionNumber: 1, frameIn: 20, authorName: team.commenter.name, timing: { dropFrame: true } })
    expect(await countUnreadMentions({ actor: reader })).toBe(1)
    await markMentionsRead({ actor: reader })
    expect(await countUnreadMentions({ actor: reader })).toBe(0)

    await mention(40, 'after leaving')
    await handle.db.delete(memberships).where(and(eq(memberships.workspaceId, team.workspaceId), eq(memberships.userId, reader.userId)))
    expect(await listMyMentions({ actor: reader })).toEqual([])
    expect(await countUnreadMentions({ actor: reader })).toBe(0)
    expect(await outcome(() => listMyMentions({ actor: null }))).toBe('UNAUTHENTICATED')
  })
})
