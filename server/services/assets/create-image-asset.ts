import { randomUUID } from 'node:crypto'
import { getDb } from '@/db'
import { sanitiseFilename } from '@/lib/media/filename'
import type { ImageMime } from '@/lib/media/image-types'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { imageLimitsFromEnv } from '@/server/media/config'
import { inspectImageUpload } from '@/server/media/inspect-image-upload'
import { getStorage } from '@/server/media/storage/get-storage'
import { assetStorageKey } from '@/server/media/storage/storage-key'
import { anyMadeByAi } from '@/server/services/provenance/any-made-by-ai'
import { insertAssetWithProvenance } from '@/server/services/provenance/insert-asset-with-provenance'
import { mediaUrl } from './media-url'

export interface CreatedImageAsset {
  id: string
  url: string
  mime: ImageMime
  width: number
  height: number
  bytes: number
  sha256: string
  originalName: string
}

/**
 * Stores one uploaded image for a project (a panel drawing's image, a reference still) and records it. Editors and
 * owners only. The body is checked while it streams into storage (size, type by magic bytes, pixel count, a complete
 * file); a refused upload leaves neither a file nor a row. The file is written before the row, so a row never
 * points at nothing; a crash between the two can leave an unreferenced file (a later sweep can collect those).
 */
export async function createImageAsset(params: {
  actor: Actor | null
  projectId: string
  body: AsyncIterable<Uint8Array>
  filename?: string | null
  /** 'human' for a panel drawn in Storyreel (the editor's own render); anything else someone brings is 'imported'. */
  origin?: 'human' | 'imported'
  /**
   * For the editor's render: the layers it was drawn over (a generated background). When any of them was made by AI
   * the render is recorded as ai_assisted with them as parents; the parents must be assets of this project.
   */
  parentAssetIds?: readonly string[]
}): Promise<CreatedImageAsset> {
  const actor = requireSignedIn(params.actor)
  const { workspaceId } = await requireRole(actor, { projectId: params.projectId }, 'editor')
  const upload = await inspectImageUpload(params.body, imageLimitsFromEnv())

  const assetId = randomUUID()
  const storageKey = assetStorageKey({ projectId: params.projectId, assetId, name: 'original' })
  const storage = getStorage()
  try {
    await storage.put(storageKey, upload.body, { contentType: upload.mime })
  } catch (error) {
    await upload.cancel()
    throw error
  }
  const image = upload.inspected()
  const originalName = sanitiseFilename(params.filename, 'image')
  // Only a person's own render is made from layers; an imported file names no parents.
  const parentAssetIds = params.origin === 'human' ? (params.parentAssetIds ?? []) : []

  try {
    const db = await getDb()
    // The asset and its provenance row land together, so no stored image is missing from the disclosure ledger.
    await db.transaction(async (tx) => {
      await insertAssetWithProvenance({
        executor: tx,
        asset: {
          id: assetId,
          workspaceId,
          projectId: params.projectId,
          kind: 'image',
          storageKey,
          originalName,
          mime: image.mime,
          bytes: image.bytes,
          sha256: image.sha256,
          width: image.width,
          height: image.height,
          createdBy: actor.userId,
        },
        details: {
          origin: params.origin === 'human' && (await anyMadeByAi(tx, params.projectId, parentAssetIds)) ? 'ai_assisted' : (params.origin ?? 'imported'),
          category: 'visuals',
          parameters: { source: params.origin === 'human' ? 'panel-drawing' : 'upload' },
          parentAssetIds: [...parentAssetIds],
        },
      })
    })
  } catch (error) {
    await storage.delete(storageKey).catch((cleanupError: unknown) => console.error('[assets] could not remove', storageKey, cleanupError))
    throw error
  }
  return { id: assetId, url: mediaUrl(assetId), ...image, originalName }
}
