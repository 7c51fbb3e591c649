import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '@/db/test-database'
import type { DatabaseHandle } from '@/db/client'
import { activityKinds, outcome, seedTeam } from '@/server/services/testing/fixtures'
import { createReviewItem } from './create-review-item'
import { createReviewVersion } from './create-review-version'
import { getReviewItem } from './get-review-item'
import { listReviewItems } from './list-review-items'
import { recordVersionMedia, recordVersionProcessingFailed } from './record-version-media'
import { seedReview, seedVideoAsset } from './review-fixtures'
import { setVersionStatus } from './set-version-status'

describe('review items and versions', () => {
  let handle: DatabaseHandle
  let team: Awaited<ReturnType<typeof seedTeam>>
  let foreign: Awaited<ReturnType<typeof seedTeam>>
  beforeAll(async () => {
    handle = await openTestDatabase()
    team = await seedTeam('Review')
    foreign = await seedTeam('Elsewhere')
  })
  afterAll(() => handle.close())

  it('editors create items, viewers list and read them, commenters cannot create', async () => {
    const { projectId } = await seedReview({ owner: team.owner, workspaceId: team.workspaceId })
    const { reviewItemId } = await createReviewItem({ actor: team.editor, projectId, title: 'Animatic A', kind: 'animatic' })
    expect(await outcome(() => createReviewItem({ actor: team.commenter, projectId, title: 'No', kind: 'cut' }))).toBe('FORBIDDEN')
    expect(await outcome(() => createReviewItem({ actor: foreign.owner, projectId, title: 'No', kind: 'cut' }))).toBe('NOT_FOUND')
    const titles = (await listReviewItems({ actor: team.viewer, projectId })).map((item) => item.title)
    expect(titles).toEqual(['Animatic A', 'Teaser cut'])
    expect((await getReviewItem({ actor: team.viewer, projectId, reviewItemId })).kind).toBe('animatic')
    expect(await activityKinds(team.workspaceId)).toContain('review.item_created')
  })

  it('two versions created at once become v1 and v2', async () => {
    const { projectId } = await seedReview({ owner: team.owner, workspaceId: team.workspaceId })
    const { reviewItemId } = await createReviewItem({ actor: team.editor, projectId, title: 'Race', kind: 'cut' })
    const [a, b] = await Promise.all([
      seedVideoAsset({ workspaceId: team.workspaceId, projectId, durationFrames: 100 }),
      seedVideoAsset({ workspaceId: team.workspaceId, projectId, durationFrames: 120 }),
    ])
    const created = await Promise.all([a!, b!].map((assetId) => createReviewVersion({ actor: team.editor, projectId, reviewItemId, assetId })))
    expect(created.map((version) => version.number).sort()).toEqual([1, 2])
    const detail = await getReviewItem({ actor: team.viewer, projectId, reviewItemId })
    expect(detail.versions.map((version) => [version.number, version.status])).toEqual([
      [1, 'in_review'],
      [2, 'in_review'],
    ])
  })

  it('a version needs an asset of the same project: another project or workspace is NOT_FOUND', async () => {
    const mine = await seedReview({ owner: team.owner, workspaceId: team.workspaceId })
    const other = await seedReview({ owner: team.owner, workspaceId: team.workspaceId })
    const theirs = await seedReview({ owner: foreign.owner, workspaceId: foreign.workspaceId })
    const attempt = (assetId: string) => outcome(() => createReviewVersion({ actor: team.owner, projectId: mine.projectId, reviewItemId: mine.reviewItemId, assetId }))
    expect(await attempt(other.assetId)).toBe('NOT_FOUND')
    expect(await attempt(theirs.assetId)).toBe('NOT_FOUND')
    // Nor may an item of another project be reached through my project id.
    expect(await outcome(() => createReviewVersion({ actor: team.owner, projectId: mine.projectId, reviewItemId: other.reviewItemId, assetId: mine.assetId }))).toBe('NOT_FOUND')
  })

  it('editors set a status and it records who; commenters may not', async () => {
    const { projectId, reviewItemId, versionId } = await seedReview({ owner: team.owner, workspaceId: team.workspaceId })
    expect(await outcome(() => setVersionStatus({ actor: team.commenter, projectId, versionId, status: 'approved' }))).toBe('FORBIDDEN')
    const [fresh] = (await getReviewItem({ actor: team.viewer, projectId, reviewItemId })).versions
    expect(fresh).toMatchObject({ status: 'in_review', statusChangedAt: null })
    const before = Date.now()
    await setVersionStatus({ actor: team.editor, projectId, versionId, status: 'changes_requested' })
    const [version] = (await getReviewItem({ actor: team.viewer, projectId, reviewItemId })).versions
    expect(version).toMatchObject({ status: 'changes_requested', statusChangedByUserId: team.editor.userId })
    // …and when: the time the status changed, for "Changes requested by Eddie · 2 min ago".
    expect(version?.statusChangedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(version?.statusChangedAt?.getTime()).toBeLessThanOrEqual(Date.now() + 1000)
    expect(await activityKinds(team.workspaceId)).toContain('review.status_changed')
  })

  it('the media job records the probed frames on versions of that project only', async () => {
    const review = await seedReview({ owner: team.owner, workspaceId: team.workspaceId, durationFrames: 10 })
    const stranger = await seedReview({ owner: foreign.owner, workspaceId: foreign.workspaceId })
    const media = { proxyAssetId: review.assetId, posterAssetId: review.assetId, filmstripAssetId: review.assetId, frameCount: 1440, fps: { num: 24000, den: 1001 }, width: 1280, height: 720 }
    expect(await recordVersionMedia({ projectId: stranger.projectId, assetId: review.assetId, media })).toEqual({ versionIds: [] })
    await recordVersionMedia({ projectId: review.projectId, assetId: review.assetId, media })
    const [version] = (await getReviewItem({ actor: team.viewer, projectId: review.projectId, reviewItemId: review.reviewItemId })).versions
    expect(version).toMatchObject({ processing: 'ready', frameCount: 1440, fpsNumerator: 24000, fpsDenominator: 1001, width: 1280 })
    await recordVersionProcessingFailed({ projectId: review.projectId, assetId: review.assetId, message: 'No video stream.' })
    const [failed] = (await getReviewItem({ actor: team.viewer, projectId: review.projectId, reviewItemId: review.reviewItemId })).versions
    expect(failed).toMatchObject({ processing: 'failed', processingError: 'No video stream.' })
  })
})
