// The one way an image becomes a panel's background layer (an imported reference or a generated background): fitted
// inside the camera frame, at the bottom of the z-order and locked so drawing over it never drags it. Its meta says
// where it came from, so the editor's renders can name it as their parent in the provenance ledger. A tldraw record
// in the panel document, so every collaborator sees it.
import { AssetRecordType, createShapeId, type Editor, type TLImageShape, type TLShapeId } from 'tldraw'
import { mediaUrl } from './upload-media'

export interface FrameSize {
  width: number
  height: number
}

export type BackgroundOrigin = 'imported' | 'ai_generated'

export interface BackgroundImage {
  /** The stored media asset (/api/media/<id>). */
  mediaAssetId: string
  width: number
  height: number
  mime: string
  name: string
}

export const backgroundLayerMeta = (origin: BackgroundOrigin) => ({ layer: 'background', origin }) as const

/** Largest size with the image's aspect ratio that fits inside the frame, centred. */
export function containInFrame(image: FrameSize, frame: FrameSize): { x: number; y: number; w: number; h: number } {
  const scale = Math.min(frame.width / image.width, frame.height / image.height)
  const w = image.width * scale
  const h = image.height * scale
  return { x: (frame.width - w) / 2, y: (frame.height - h) / 2, w, h }
}

/** Background layers on the panel, optionally only those of one origin. */
export function backgroundShapeIds(editor: Editor, origin?: BackgroundOrigin): TLShapeId[] {
  return editor
    .getCurrentPageShapes()
    .filter((shape) => shape.meta.layer === 'background' && (origin === undefined || shape.meta.origin === origin))
    .map((shape) => shape.id)
}

/** Media assets of the generated layers on the panel: the parents of any picture rendered from it. */
export function generatedLayerAssetIds(editor: Editor): string[] {
  const ids = editor
    .getCurrentPageShapes()
    .filter((shape) => shape.meta.origin === 'ai_generated' && typeof shape.meta.mediaAssetId === 'string')
    .map((shape) => shape.meta.mediaAssetId as string)
  return [...new Set(ids)]
}

/**
 * Places the image as the bottom, locked layer and returns its shape id. `replace` removes earlier background layers
 * of that origin in the same step (a newly chosen generated background takes the old one's place, not a second
 * layer under the drawing), so collaborators never see both.
 */
export function placeBackgroundImage(editor: Editor, image: BackgroundImage, frame: FrameSize, origin: BackgroundOrigin, options: { replace?: boolean } = {}): TLShapeId {
  const asset = AssetRecordType.create({
    id: AssetRecordType.createId(),
    type: 'image',
    props: { name: image.name, src: mediaUrl(image.mediaAssetId), w: image.width, h: image.height, mimeType: image.mime, isAnimated: false },
    meta: { mediaAssetId: image.mediaAssetId },
  })
  const place = containInFrame(image, frame)
  const id = createShapeId()
  editor.run(
    () => {
      if (options.replace) editor.deleteShapes(backgroundShapeIds(editor, origin))
      editor.createAssets([asset])
      editor.createShape<TLImageShape>({
        id, type: 'image', x: place.x, y: place.y,
        props: { assetId: asset.id, w: place.w, h: place.h },
        meta: { ...backgroundLayerMeta(origin), mediaAssetId: image.mediaAssetId },
      })
      editor.sendToBack([id])
      // Locked last: tldraw will not reorder a locked shape.
      editor.updateShape({ id, type: 'image', isLocked: true })
    },
    // The layers being replaced are locked; this is the one place allowed to remove them.
    { ignoreShapeLock: true },
  )
  return id
}
