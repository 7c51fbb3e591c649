import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '@/db/test-database'
import type { DatabaseHandle } from '@/db/client'
import { reviewComments, reviewMentions } from '@/db/schema'
import { timecodeForFrame } from '@/lib/timecode'
import { outcome, seedTeam, seedUser } from '@/server/services/testing/fixtures'
import { createComment } from './create-comment'
import { deleteComment } from './delete-comment'
import { editComment } from './edit-comment'
import { exportCommentMarkers } from './export-comment-markers'
import { listComments } from './list-comments'
import { replyToComment } from './reply-to-comment'
import { reopenComment, resolveComment } from './resolve-comment'
import { seedReview } from './review-fixtures'

describe('review comments', () => {
  let handle: DatabaseHandle
  let team: Awaited<ReturnType<typeof seedTeam>>
  let review: Awaited<ReturnType<typeof seedReview>>
  beforeAll(async () => {
    handle = await openTestDatabase()
    team = await seedTeam('Notes')
    review = await seedReview({ owner: team.owner, workspaceId: team.workspaceId, durationFrames: 240 })
  })
  afterAll(() => handle.close())

  const comment = (actor: typeof team.owner, frameIn: number, body: string, extra: { frameOut?: number; annotation?: unknown } = {}) =>
    createComment({ actor, projectId: review.projectId, versionId: review.versionId, frameIn, body, ...extra })

  it('refuses frames outside the version with a sentence naming the frame and the range', async () => {
    await expect(comment(team.commenter, 4000, 'Too late')).rejects.toMatchObject({ code: 'BAD_REQUEST', userMessage: 'Frame 4000 is outside this version (0–239).' })
    await expect(comment(team.commenter, 230, 'Runs over', { frameOut: 260 })).rejects.toMatchObject({ userMessage: 'Frame 259 is outside this version (0–239).' })
    // The exclusive end may be the frame after the last one.
    await expect(comment(team.commenter, 230, 'To the end', { frameOut: 240 })).resolves.toMatchObject({ commentId: expect.any(String) })
  })

  it('viewers cannot comment; annotations outside the picture are refused', async () => {
    expect(await outcome(() => comment(team.viewer, 1, 'Hi'))).toBe('FORBIDDEN')
    const annotation = [{ tool: 'arrow', color: '#ff0000', points: [[0.1, 0.2], [1.4, 0.5]] }]
    expect(await outcome(() => comment(team.commenter, 1, 'Look', { annotation }))).toBe('BAD_REQUEST')
  })

  it('mentions become rows only for members of the workspace', async () => {
    const outsider = await seedUser('Outside Olga')
    const editorHandle = team.editor.email.split('@')[0]
    const { commentId, mentionedUserIds } = await comment(team.commenter, 10, `@${editorHandle} and @${outsider.email} and @nobody, please look`)
    expect(mentionedUserIds).toEqual([team.editor.userId])
    const rows = await handle.db.select().from(reviewMentions).where(eq(reviewMentions.commentId, commentId))
    expect(rows.map((row) => row.userId)).toEqual([team.editor.userId])
  })

  it('replies are one level deep; authors edit their own; owners may delete any; deletes are soft', async () => {
    const { commentId } = await comment(team.commenter, 20, 'Colour is off')
    const { commentId: replyId } = await replyToComment({ actor: team.editor, projectId: review.projectId, commentId, body: 'Fixed in v2' })
    expect(await outcome(() => replyToComment({ actor: team.editor, projectId: review.projectId, commentId: replyId, body: 'Deeper' }))).toBe('BAD_REQUEST')
    expect(await outcome(() => editComment({ actor: team.editor, projectId: review.projectId, commentId, body: 'Hijack' }))).toBe('FORBIDDEN')
    await editComment({ actor: team.commenter, projectId: review.projectId, commentId, body: 'Colour is too warm' })
    expect(await outcome(() => deleteComment({ actor: team.editor, projectId: review.projectId, commentId }))).toBe('FORBIDDEN')
    await deleteComment({ actor: team.owner, projectId: review.projectId, commentId: replyId })
    const listed = await listComments({ actor: team.viewer, projectId: review.projectId, versionId: review.versionId })
    expect(listed.find((row) => row.id === commentId)).toMatchObject({ body: 'Colour is too warm', editedAt: expect.any(Date) })
    expect(listed.some((row) => row.id === replyId)).toBe(false)
    const [kept] = await handle.db.select().from(reviewComments).where(eq(reviewComments.id, replyId))
    expect(kept?.deletedAt).toBeInstanceOf(Date)
  })

  it('commenters resolve and reopen; viewers cannot', async () => {
    const { commentId } = await comment(team.editor, 30, 'Trim the tail')
    expect(await outcome(() => resolveComment({ actor: team.viewer, projectId: review.projectId, commentId }))).toBe('FORBIDDEN')
    await resolveComment({ actor: team.commenter, projectId: review.projectId, commentId })
    const resolved = await listComments({ actor: team.viewer, projectId: review.projectId, versionId: review.versionId })
    expect(resolved.find((row) => row.id === commentId)?.resolvedAt).toBeInstanceOf(Date)
    await reopenComment({ actor: team.commenter, projectId: review.projectId, commentId })
    const reopened = await listComments({ actor: team.viewer, projectId: review.projectId, versionId: review.versionId })
    expect(reopened.find((row) => row.id === commentId)?.resolvedAt).toBeNull()
  })

  it('exports two comments at 29.97 DF with the timecodes lib/timecode gives', async () => {
    const df = await seedReview({ owner: team.owner, workspaceId: team.workspaceId, frameRate: '29.97DF', startTimecode: '00:59:58;00', durationFrames: 9000 })
    // Frame 60 is 01:00:00;00 (a tenth minute drops nothing); frame 1860 is the first label of 01:01, where ;00 and ;01 are skipped.
    await createComment({ actor: team.commenter, projectId: df.projectId, versionId: df.versionId, frameIn: 1860, frameOut: 1890, body: 'Second note' })
    await createComment({ actor: team.commenter, projectId: df.projectId, versionId: df.versionId, frameIn: 120, body: 'First note' })
    const { content, fileName } = await exportCommentMarkers({ actor: team.viewer, projectId: df.projectId, versionId: df.versionId, format: 'csv' })
    const clip = { rate: { numerator: 30000, denominator: 1001, dropFrame: true }, startTimecode: '00:59:58;00' }
    const lines = content.trim().split(/\r?\n/)
    expect(fileName).toBe('Teaser cut v1.csv')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toContain(`${timecodeForFrame(120, clip)},${timecodeForFrame(121, clip)},120,121`)
    expect(lines[2]).toContain(`${timecodeForFrame(1860, clip)},${timecodeForFrame(1890, clip)},1860,1890`)
    expect([timecodeForFrame(120, clip), timecodeForFrame(1860, clip)]).toEqual(['01:00:02;00', '01:01:00;02'])
    expect(await outcome(() => exportCommentMarkers({ actor: team.viewer, projectId: df.projectId, versionId: review.versionId, format: 'csv' }))).toBe('NOT_FOUND')
  })
})
