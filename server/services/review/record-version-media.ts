// Called by the media job (not by users): records what processing found and made for an uploaded original.
import { and, eq, inArray } from 'drizzle-orm'
import { getDb } from '@/db'
import type { ProcessedMedia } from '@/lib/media/processed-media'
import { reviewItems, reviewVersions } from '@/db/schema'

export type { ProcessedMedia }

/** Versions of this project whose original is `assetId`; the job knows the asset, not the version. */
async function versionIdsFor(projectId: string, assetId: string): Promise<string[]> {
  const db = await getDb()
  const rows = await db
    .select({ id: reviewVersions.id })
    .from(reviewVersions)
    .innerJoin(reviewItems, eq(reviewItems.id, reviewVersions.reviewItemId))
    .where(and(eq(reviewVersions.assetId, assetId), eq(reviewItems.projectId, projectId)))
  return rows.map((row) => row.id)
}

/** The probed rate, size and length replace the stand-ins the version was created with; comments may now use every frame. */
export async function recordVersionMedia(params: { projectId: string; assetId: string; media: ProcessedMedia }): Promise<{ versionIds: string[] }> {
  const versionIds = await versionIdsFor(params.projectId, params.assetId)
  if (versionIds.length === 0) return { versionIds }
  const { media } = params
  const db = await getDb()
  await db
    .update(reviewVersions)
    .set({
      proxyAssetId: media.proxyAssetId,
      posterAssetId: media.posterAssetId,
      filmstripAssetId: media.filmstripAssetId,
      frameCount: media.frameCount,
      fpsNumerator: media.fps.num,
      fpsDenominator: media.fps.den,
      width: media.width,
      height: media.height,
      processing: 'ready',
      processingError: null,
    })
    .where(inArray(reviewVersions.id, versionIds))
  return { versionIds }
}

/** A failed run leaves a sentence the review page can show next to the version. */
export async function recordVersionProcessingFailed(params: { projectId: string; assetId: string; message: string }): Promise<{ versionIds: string[] }> {
  const versionIds = await versionIdsFor(params.projectId, params.assetId)
  if (versionIds.length === 0) return { versionIds }
  const db = await getDb()
  await db.update(reviewVersions).set({ processing: 'failed', processingError: params.message.slice(0, 500) }).where(inArray(reviewVersions.id, versionIds))
  return { versionIds }
}
