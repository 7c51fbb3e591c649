import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { assets } from '@/db/schema'
import { AppError } from '@/lib/errors'
import type { DisclosureReport } from '@/lib/provenance/disclosure-report'
import { disclosureSidecar } from '@/lib/provenance/disclosure-media-metadata'
import { getStorage } from '@/server/media/storage/get-storage'

// The AI-disclosure manifest of a rendered animatic, kept in media storage beside the MP4 under the MP4's own key
// plus ".disclosure.json", so whoever copies the storage folder or the file out keeps the two together. Not an asset
// of its own: it describes one file and has no meaning (or ledger row) apart from it.

export const sidecarStorageKey = (videoStorageKey: string) => `${videoStorageKey}.disclosure.json`

export async function storeDisclosureSidecar(params: { projectId: string; assetId: string; report: DisclosureReport }): Promise<{ storageKey: string }> {
  const db = await getDb()
  const [video] = await db
    .select({ storageKey: assets.storageKey, originalName: assets.originalName, sha256: assets.sha256 })
    .from(assets)
    .where(and(eq(assets.id, params.assetId), eq(assets.projectId, params.projectId)))
    .limit(1)
  if (!video) throw new AppError('NOT_FOUND', { userMessage: 'The rendered animatic is no longer in this project.' })
  const { json } = disclosureSidecar(params.report, { fileName: video.originalName, sha256: video.sha256 })
  const storageKey = sidecarStorageKey(video.storageKey)
  await getStorage().put(storageKey, Buffer.from(json, 'utf8'), { contentType: 'application/json' })
  return { storageKey }
}
