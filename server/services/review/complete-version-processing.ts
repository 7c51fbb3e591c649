// Called by the review-process-version job (not by users): writes what processing made, or why it failed, onto every
// version of the original, and nudges whoever has the review item open.
import { and, eq, inArray } from 'drizzle-orm'
import { getDb } from '@/db'
import { reviewItems, reviewVersions } from '@/db/schema'
import type { FilmstripLayout } from '@/lib/media/filmstrip-layout'
import type { ProcessedMedia } from '@/lib/media/processed-media'
import { notifyReviewChanged } from './notify-review-changed'
import { recordVersionMedia, recordVersionProcessingFailed } from './record-version-media'

export async function completeVersionProcessing(params: {
  projectId: string
  assetId: string
  media: ProcessedMedia
  filmstrip: FilmstripLayout
}): Promise<{ versionIds: string[] }> {
  const db = await getDb()
  // The layout first: if recording the media fails after it, the version is still not ready, and a layout nobody
  // reads yet is harmless.
  const { filmstrip } = params
  const layout: FilmstripLayout = { columns: filmstrip.columns, rows: filmstrip.rows, tileWidth: filmstrip.tileWidth, tileHeight: filmstrip.tileHeight, frames: filmstrip.frames }
  const ids = await versionsOf(params.projectId, params.assetId)
  if (ids.length > 0) await db.update(reviewVersions).set({ filmstripLayout: layout }).where(inArray(reviewVersions.id, ids))
  const { versionIds } = await recordVersionMedia({ projectId: params.projectId, assetId: params.assetId, media: params.media })
  await notifyVersions(params.projectId, versionIds)
  return { versionIds }
}

export async function failVersionProcessing(params: { projectId: string; assetId: string; message: string }): Promise<{ versionIds: string[] }> {
  const { versionIds } = await recordVersionProcessingFailed(params)
  await notifyVersions(params.projectId, versionIds)
  return { versionIds }
}

async function versionsOf(projectId: string, assetId: string): Promise<string[]> {
  const db = await getDb()
  const rows = await db
    .select({ id: reviewVersions.id })
    .from(reviewVersions)
    .innerJoin(reviewItems, eq(reviewItems.id, reviewVersions.reviewItemId))
    .where(and(eq(reviewVersions.assetId, assetId), eq(reviewItems.projectId, projectId)))
  return rows.map((row) => row.id)
}

async function notifyVersions(projectId: string, versionIds: string[]): Promise<void> {
  if (versionIds.length === 0) return
  const db = await getDb()
  const rows = await db
    .select({ versionId: reviewVersions.id, reviewItemId: reviewVersions.reviewItemId })
    .from(reviewVersions)
    .innerJoin(reviewItems, eq(reviewItems.id, reviewVersions.reviewItemId))
    .where(and(inArray(reviewVersions.id, versionIds), eq(reviewItems.projectId, projectId)))
  for (const row of rows) await notifyReviewChanged(row)
}
