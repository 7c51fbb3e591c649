// tldraw's asset store for a project: images dropped or pasted into a panel are uploaded to our media storage and
// the drawing keeps only their /api/media URL (tldraw's default would inline them as base64 into the document).
import { toast } from 'sonner'
import type { TLAssetStore } from 'tldraw'
import { mediaUrl, uploadMedia, UploadError } from './upload-media'

export function createMediaAssetStore(projectId: string): TLAssetStore {
  return {
    async upload(asset, file, abortSignal) {
      try {
        const media = await uploadMedia(projectId, file, file.name || ('name' in asset.props ? asset.props.name : '') || 'image', abortSignal)
        return { src: mediaUrl(media.id), meta: { mediaAssetId: media.id } }
      } catch (error) {
        if (!abortSignal?.aborted) toast.error(error instanceof UploadError ? error.message : 'The image could not be uploaded.')
        throw error
      }
    },
    // Our URLs are same-origin and cookie-authorised, so they resolve to themselves; anything else is not loaded.
    resolve(asset) {
      const src = asset.props.src
      return src && src.startsWith('/api/media/') ? src : null
    },
  }
}
