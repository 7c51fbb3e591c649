// "Import reference image": the picture is uploaded and becomes the panel's background layer (place-background-image),
// marked as imported so provenance can tell it from what people drew.
import type { Editor } from 'tldraw'
import { placeBackgroundImage, type FrameSize } from './place-background-image'
import { uploadMedia } from './upload-media'

export { containInFrame, type FrameSize } from './place-background-image'

/** Uploads the file and places it; resolves with the stored asset's id. Throws UploadError when the upload fails. */
export async function importReferenceImage(editor: Editor, projectId: string, file: File, frame: FrameSize): Promise<string> {
  const media = await uploadMedia(projectId, file, file.name || 'reference image')
  placeBackgroundImage(editor, { mediaAssetId: media.id, width: media.width, height: media.height, mime: media.mime, name: file.name }, frame, 'imported')
  return media.id
}
