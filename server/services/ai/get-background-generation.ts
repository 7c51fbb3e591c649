import { and, eq, inArray, isNull } from 'drizzle-orm'
import { getDb } from '@/db'
import { assets } from '@/db/schema'
import type { BackgroundGenerationStatus } from '@/lib/ai/background-generation-status'
import { requireRole, type Actor } from '@/server/auth/require-role'
import { getJobStatus } from '@/server/jobs/queue'
import { mediaUrl } from '@/server/services/assets/media-url'
import { findBackgroundGeneration } from './find-background-generation'

/**
 * Where a "Generate background" request stands: the job's state and progress, then the variations it made (with
 * the generator's label, so the editor can say when it is the offline one). Editors and owners, who are the ones
 * who can generate and place backgrounds.
 */
export async function getBackgroundGeneration(params: { actor: Actor | null; projectId: string; generationId: string }): Promise<BackgroundGenerationStatus> {
  const { workspaceId } = await requireRole(params.actor, { projectId: params.projectId }, 'editor')
  const db = await getDb()
  const generation = await findBackgroundGeneration(db, { workspaceId, projectId: params.projectId }, params.generationId)
  const job = generation.jobId
    ? await getJobStatus(generation.jobId)
    : { state: 'queued' as const, progress: 0, label: null, error: null }
  const result = generation.result
  // Only images still stored in this project are offered: an asset removed since would be a broken tile.
  const images = result?.images ?? []
  const present = images.length
    ? new Set(
        (
          await db
            .select({ id: assets.id })
            .from(assets)
            .where(and(eq(assets.projectId, params.projectId), isNull(assets.deletedAt), inArray(assets.id, images.map((image) => image.assetId))))
        ).map((asset) => asset.id),
      )
    : new Set<string>()
  return {
    generationId: generation.id,
    state: job.state,
    progress: job.progress,
    label: job.label,
    error: job.error,
    variations: images.filter((image) => present.has(image.assetId)).map((image) => ({ ...image, url: mediaUrl(image.assetId) })),
    offline: result ? result.offline : null,
    generatorLabel: result?.generatorLabel ?? null,
    warnings: result?.warnings ?? [],
    chosenAssetId: generation.chosenAssetId,
  }
}
