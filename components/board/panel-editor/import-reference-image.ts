// "Import reference image": the picture becomes the panel's background layer, fitted inside the camera frame, at the
// bottom of the z-order and locked so drawing over it never drags it. Its meta says it is an imported background, so
// provenance can tell it from what people drew.
import { AssetRecordType, createShapeId, type Editor, type TLImageShape } from 'tldraw'
import { mediaUrl, uploadMedia } from './upload-media'

export interface FrameSize {
  width: number
  height: number
}

export const backgroundLayerMeta = { layer: 'background', origin: 'imported' } as const

/** Largest size with the image's aspect ratio that fits inside the frame, centred. */
export function containInFrame(image: FrameSize, frame: FrameSize): { x: number; y: number; w: number; h: number } {
  const scale = Math.min(frame.width / image.width, frame.height / image.height)
  const w = image.width * scale
  const h = image.height * scale
  return { x: (frame.width - w) / 2, y: (frame.height - h) / 2, w, h }
}

/** Uploads the file and places it; resolves with the stored asset's id. Throws UploadError when the upload fails. */
export async function importReferenceImage(editor: Editor, projectId: string, file: File, frame: FrameSize): Promise<string> {
  const media = await uploadMedia(projectId, file, file.name || 'reference image')
  const asset = AssetRecordType.create({
    id: AssetRecordType.createId(),
    type: 'image',
    props: { name: file.name, src: mediaUrl(media.id), w: media.width, h: media.height, mimeType: media.mime, isAnimated: false },
    meta: { mediaAssetId: media.id },
  })
  const place = containInFrame({ width: media.width, height: media.height }, frame)
  const id = createShapeId()
  editor.run(() => {
    editor.createAssets([asset])
    editor.createShape<TLImageShape>({
      id, type: 'image', x: place.x, y: place.y,
      props: { assetId: asset.id, w: place.w, h: place.h },
      meta: { ...backgroundLayerMeta, mediaAssetId: media.id },
    })
    editor.sendToBack([id])
    // Locked last: tldraw will not reorder a locked shape.
    editor.updateShape({ id, type: 'image', isLocked: true })
  })
  return media.id
}
