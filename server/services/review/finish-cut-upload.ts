import { createHash, randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { assets, reviewVersions } from '@/db/schema'
import { sanitiseFilename } from '@/lib/media/filename'
import { requireSignedIn, type Actor } from '@/server/auth/require-role'
import { validateVideoUpload } from '@/server/media/ffmpeg'
import { getStorage } from '@/server/media/storage/get-storage'
import { assetStorageKey } from '@/server/media/storage/storage-key'
import { videoMimeType } from '@/server/media/upload/video-mime'
import { insertAssetWithProvenance } from '@/server/services/provenance/insert-asset-with-provenance'
import { checkCutUpload } from './check-cut-upload'
import { createReviewVersion } from './create-review-version'
import { notifyReviewChanged } from './notify-review-changed'
import { startVersionProcessing } from './start-version-processing'

export interface FinishedCutUpload {
  versionId: string
  number: number
  assetId: string
}

/**
 * Turns a completely received upload (a file on local disk, under a name we chose) into the next version of a review
 * item: vet it (magic bytes, then ffprobe with a time limit on local files only), keep the original in media storage
 * under a key we generate, record the asset, add the version and queue its processing. A refused file leaves nothing:
 * no stored object, no asset, no version. Deleting the received file is the caller's job, whatever happens here.
 */
export async function finishCutUpload(params: {
  actor: Actor | null
  projectId: string
  reviewItemId: string
  filePath: string
  filename: string | null
  /** Tests shorten ffprobe's time limit; the default is validateVideoUpload's. */
  probeTimeoutMs?: number
}): Promise<FinishedCutUpload> {
  const actor = requireSignedIn(params.actor)
  const scope = await checkCutUpload({ actor, projectId: params.projectId, reviewItemId: params.reviewItemId })
  const { container, probe } = await validateVideoUpload(params.filePath, { probeTimeoutMs: params.probeTimeoutMs })
  const mime = await videoMimeType(params.filePath, container)

  const assetId = randomUUID()
  const storageKey = assetStorageKey({ projectId: scope.projectId, assetId, name: 'original' })
  const storage = getStorage()
  const hash = createHash('sha256')
  // Hash on the way into storage instead of reading a multi-gigabyte file twice.
  async function* hashed(): AsyncGenerator<Uint8Array> {
    for await (const chunk of createReadStream(params.filePath) as AsyncIterable<Buffer>) {
      hash.update(chunk)
      yield chunk
    }
  }
  const { size } = await storage.put(storageKey, hashed(), { contentType: mime })
  const sha256 = hash.digest('hex')

  const db = await getDb()
  let version: { versionId: string; number: number }
  try {
    // The asset and its ledger row land together: a cut someone brings in is recorded as imported visuals.
    await db.transaction(async (tx) => {
      await insertAssetWithProvenance({
        executor: tx,
        asset: {
          id: assetId,
          workspaceId: scope.workspaceId,
          projectId: scope.projectId,
          kind: 'video',
          storageKey,
          originalName: sanitiseFilename(params.filename, 'cut'),
          mime,
          bytes: size,
          sha256,
          width: probe.video.width,
          height: probe.video.height,
          durationFrames: probe.video.frameCount,
          createdBy: actor.userId,
        },
        details: { origin: 'imported', category: 'visuals', parameters: { source: 'cut-upload', container } },
      })
    })
    // Checks the role again, inside its own transaction: it may have changed while the file was arriving.
    version = await createReviewVersion({ actor, projectId: scope.projectId, reviewItemId: params.reviewItemId, assetId })
  } catch (error) {
    // Hard delete: the row was never handed to anyone.
    await db.delete(assets).where(and(eq(assets.id, assetId), eq(assets.projectId, scope.projectId))).catch((cleanupError: unknown) => console.error('[upload] could not remove asset row', assetId, cleanupError))
    await storage.delete(storageKey).catch((cleanupError: unknown) => console.error('[upload] could not remove', storageKey, cleanupError))
    throw error
  }

  try {
    await startVersionProcessing({ projectId: scope.projectId, versionId: version.versionId, assetId })
  } catch (error) {
    // The upload itself is safe; say so on the version and let an editor retry rather than lose the upload.
    console.error('[upload] could not queue processing for version', version.versionId, error)
    await db
      .update(reviewVersions)
      .set({ processing: 'failed', processingError: 'Processing could not be started. Please retry.' })
      .where(eq(reviewVersions.id, version.versionId))
  }
  await notifyReviewChanged({ reviewItemId: params.reviewItemId })
  return { ...version, assetId }
}
