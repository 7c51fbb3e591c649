// Test-only helpers for the review services: a project, a stored video and a review item with versions.
// Production code never imports this file.
import crypto from 'node:crypto'
import { getDb } from '@/db'
import { assets } from '@/db/schema'
import type { FrameRateId } from '@/lib/frame-rates'
import type { Actor } from '@/server/auth/require-role'
import { createProject } from '@/server/services/projects/create-project'
import { createReviewItem } from './create-review-item'
import { createReviewVersion } from './create-review-version'

export async function seedVideoAsset(params: { workspaceId: string; projectId: string; durationFrames: number }): Promise<string> {
  const db = await getDb()
  const id = crypto.randomUUID()
  await db.insert(assets).values({
    id,
    workspaceId: params.workspaceId,
    projectId: params.projectId,
    kind: 'video',
    storageKey: `projects/${params.projectId}/${id}/cut.mp4`,
    originalName: 'cut.mp4',
    mime: 'video/mp4',
    bytes: 1000,
    sha256: crypto.randomBytes(32).toString('hex'),
    width: 1920,
    height: 1080,
    durationFrames: params.durationFrames,
  })
  return id
}

/** A project with one review item and its v1, made by the workspace owner. */
export async function seedReview(params: {
  owner: Actor
  workspaceId: string
  frameRate?: FrameRateId
  startTimecode?: string
  durationFrames?: number
}): Promise<{ projectId: string; reviewItemId: string; versionId: string; assetId: string }> {
  const { projectId } = await createProject({
    actor: params.owner,
    workspaceId: params.workspaceId,
    name: `Review ${crypto.randomBytes(3).toString('hex')}`,
    frameRate: params.frameRate ?? '24',
    resolution: '1920x1080',
    startTimecode: params.startTimecode,
  })
  const assetId = await seedVideoAsset({ workspaceId: params.workspaceId, projectId, durationFrames: params.durationFrames ?? 240 })
  const { reviewItemId } = await createReviewItem({ actor: params.owner, projectId, title: 'Teaser cut', kind: 'cut' })
  const { versionId } = await createReviewVersion({ actor: params.owner, projectId, reviewItemId, assetId })
  return { projectId, reviewItemId, versionId, assetId }
}
