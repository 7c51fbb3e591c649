// What processing an uploaded video produces: the transcode job returns it, the review service records it on versions.
export interface ProcessedMedia {
  proxyAssetId: string
  posterAssetId: string
  filmstripAssetId: string
  frameCount: number
  fps: { num: number; den: number }
  width: number
  height: number
}
