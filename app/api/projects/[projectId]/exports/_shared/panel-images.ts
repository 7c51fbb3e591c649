import type { ImageLoader } from '@/lib/exports/pdf-resources'
import { isAppError } from '@/lib/errors'
import type { Actor } from '@/server/auth/require-role'
import { getStorage } from '@/server/media/storage/get-storage'
import { getAsset } from '@/server/services/assets/get-asset'

// Panel pictures for the storyboard PDF: each asset is checked with the same read rule as the media route, and must
// belong to this very project (a board cannot print another project's images by naming their ids). Anything missing
// or refused prints as a slate instead of failing the export.

/** A panel render is a few hundred kilobytes; anything far bigger is not worth holding in memory for a page cell. */
const MAX_PANEL_IMAGE_BYTES = 25 * 1024 * 1024

export function panelImageLoader(actor: Actor | null, projectId: string): ImageLoader {
  return async (assetId) => {
    try {
      const asset = await getAsset({ actor, assetId })
      if (asset.projectId !== projectId || !/^image\/(png|jpeg)$/.test(asset.mime)) return null
      const { stream, size } = await getStorage().get(asset.storageKey)
      if (size > MAX_PANEL_IMAGE_BYTES) {
        stream.destroy()
        return null
      }
      const chunks: Buffer[] = []
      for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array))
      return new Uint8Array(Buffer.concat(chunks))
    } catch (error) {
      if (isAppError(error) || (error instanceof Error && error.name === 'MediaNotFoundError')) return null
      throw error
    }
  }
}
