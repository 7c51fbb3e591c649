// The marker download route, called the way Next.js calls it, with the actor set by runAsActor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET } from '@/app/api/projects/[projectId]/review/[reviewItemId]/markers/route'
import type { DatabaseHandle } from '@/db/client'
import { openTestDatabase } from '@/db/test-database'
import { timecodeForFrame } from '@/lib/timecode'
import type { Actor } from '@/server/auth/require-role'
import { runAsActor } from '@/server/auth/actor-context'
import { seedTeam, seedUser } from '@/server/services/testing/fixtures'
import { createComment } from './create-comment'
import { createReviewItem } from './create-review-item'
import { createReviewVersion } from './create-review-version'
import { seedReview, seedVideoAsset } from './review-fixtures'

function download(actor: Actor | null, params: { projectId: string; reviewItemId: string }, query: string) {
  const request = new Request(`http://storyreel.test/api/projects/${params.projectId}/review/${params.reviewItemId}/markers${query}`)
  return runAsActor(actor, () => GET(request, { params: Promise.resolve(params) }))
}

describe('marker export route', () => {
  let handle: DatabaseHandle
  let team: Awaited<ReturnType<typeof seedTeam>>
  let review: Awaited<ReturnType<typeof seedReview>>
  beforeAll(async () => {
    handle = await openTestDatabase()
    team = await seedTeam('Markers')
    review = await seedReview({ owner: team.owner, workspaceId: team.workspaceId, frameRate: '25', startTimecode: '10:00:00:00' })
    await createComment({ actor: team.commenter, projectId: review.projectId, versionId: review.versionId, frameIn: 48, body: 'Flash frame here' })
  })
  afterAll(() => handle.close())

  it('downloads the EDL with the title and version in the file name and the comment at its timecode', async () => {
    const response = await download(team.viewer, review, '?version=1&format=resolve-edl')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="Teaser cut v1.edl"; filename*=UTF-8''Teaser%20cut%20v1.edl`)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    const text = await response.text()
    const timecode = timecodeForFrame(48, { rate: { numerator: 25, denominator: 1, dropFrame: false }, startTimecode: '10:00:00:00' })
    expect(timecode).toBe('10:00:01:23')
    expect(text).toContain(timecode)
    expect(text).toContain('Flash frame here')
  })

  it('keeps accents and dashes in the name, with an ASCII fallback', async () => {
    const { reviewItemId } = await createReviewItem({ actor: team.owner, projectId: review.projectId, title: 'Szene 3 – Nacht', kind: 'cut' })
    // No version yet: asking for v1 is a clear 404 that names the version.
    const missing = await download(team.viewer, { projectId: review.projectId, reviewItemId }, '?version=1&format=csv')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ error: { message: 'Version 1 was not found.' } })
    const assetId = await seedVideoAsset({ workspaceId: team.workspaceId, projectId: review.projectId, durationFrames: 50 })
    await createReviewVersion({ actor: team.owner, projectId: review.projectId, reviewItemId, assetId })
    const response = await download(team.viewer, { projectId: review.projectId, reviewItemId }, '?version=1&format=fcpxml')
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="Szene 3 Nacht v1.fcpxml"; filename*=UTF-8''Szene%203%20%E2%80%93%20Nacht%20v1.fcpxml`)
  })

  it('refuses a bad format or version with a sentence, and hides other workspaces', async () => {
    const badFormat = await download(team.viewer, review, '?version=1&format=docx')
    expect(badFormat.status).toBe(400)
    expect((await badFormat.json()).error.message).toMatch(/^Choose a marker format: csv, resolve-edl/)
    const badVersion = await download(team.viewer, review, '?version=zero&format=csv')
    expect(badVersion.status).toBe(400)
    expect((await download(team.viewer, review, '?version=7&format=csv')).status).toBe(404)
    expect((await download(await seedUser('Marker Outsider'), review, '?version=1&format=csv')).status).toBe(404)
    expect((await download(null, review, '?version=1&format=csv')).status).toBe(401)
  })
})
