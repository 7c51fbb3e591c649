import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas'
import { tightestFraming, type AnimaticPlan, type PlannedPanel } from '@/lib/animatic'
import { registerOverlayFont } from './overlay-font'

// The panels' pictures, ready to draw: each image decoded once, fitted over white paper at the frame's shape and at
// enough resolution for the tightest framing its camera move reaches, so every frame only scales down. A panel with
// no image, or one that cannot be read, becomes a numbered slate instead (with a warning): one bad panel never fails
// the whole render. Only the pictures the renderer says it still needs are kept, so memory does not grow with the
// number of panels.

export type LoadPicture = (image: string, signal?: AbortSignal) => Promise<Uint8Array | null>

export interface PanelPicturesOptions {
  width: number
  height: number
  loadPicture: LoadPicture
  onWarning?: (message: string) => void
  signal?: AbortSignal
}

/** A picture is prepared at most this much larger than the frame: a 1080p push-in then needs ~2746×1543, 17 MB. */
const maxOversample = 2

export interface PanelPictures {
  /** Starts preparing these panels (if not already) and forgets every other one. */
  keepOnly(indices: readonly number[]): void
  get(index: number): Promise<Canvas>
  /** How many prepared pictures are held right now (for tests of the memory bound). */
  readonly held: number
}

export function createPanelPictures(plan: AnimaticPlan, options: PanelPicturesOptions): PanelPictures {
  const pictures = new Map<number, Promise<Canvas>>()
  const prepare = (index: number) => preparePicture(plan.panels[index]!, options)
  return {
    keepOnly(indices) {
      for (const index of pictures.keys()) if (!indices.includes(index)) pictures.delete(index)
      for (const index of indices) {
        if (pictures.has(index) || !plan.panels[index]) continue
        const picture = prepare(index)
        // A prefetch that fails is awaited (and reported) by get(); this keeps Node from calling it unhandled meanwhile.
        picture.catch(() => {})
        pictures.set(index, picture)
      }
    },
    get(index) {
      let picture = pictures.get(index)
      if (!picture) pictures.set(index, (picture = prepare(index)))
      return picture
    },
    get held() {
      return pictures.size
    },
  }
}

async function preparePicture(panel: PlannedPanel, options: PanelPicturesOptions): Promise<Canvas> {
  if (!panel.image) return drawSlate(panel, options, 'No picture yet')
  let bytes: Uint8Array | null
  try {
    bytes = await options.loadPicture(panel.image, options.signal)
  } catch {
    if (options.signal?.aborted) throw options.signal.reason
    options.onWarning?.(`The picture of ${panel.label} could not be fetched, so a slate was rendered instead.`)
    return drawSlate(panel, options, 'Picture missing')
  }
  if (!bytes) return drawSlate(panel, options, 'No picture yet')
  let image: Awaited<ReturnType<typeof loadImage>>
  try {
    image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  } catch {
    options.onWarning?.(`The picture of ${panel.label} is not an image we can read, so a slate was rendered instead.`)
    return drawSlate(panel, options, 'Picture unreadable')
  }
  const scale = Math.min(maxOversample, Math.max(1, 1 / tightestFraming(panel.cameraMove)))
  const canvas = createCanvas(Math.round(options.width * scale), Math.round(options.height * scale))
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  // Fitted whole (contain): a panel drawn at another shape than the project's shows white paper at its sides.
  const fit = Math.min(canvas.width / image.width, canvas.height / image.height)
  const drawWidth = image.width * fit
  const drawHeight = image.height * fit
  ctx.imageSmoothingQuality = 'high'
  ctx.drawImage(image, (canvas.width - drawWidth) / 2, (canvas.height - drawHeight) / 2, drawWidth, drawHeight)
  // Rasterise now, once, rather than on the first frame that draws it.
  canvas.data()
  return canvas
}

function drawSlate(panel: PlannedPanel, options: PanelPicturesOptions, note: string): Canvas {
  const { width, height } = options
  const family = registerOverlayFont()
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#1f2430'
  ctx.fillRect(0, 0, width, height)
  ctx.strokeStyle = '#3b4252'
  ctx.lineWidth = Math.max(2, height / 180)
  const inset = height * 0.06
  ctx.strokeRect(inset, inset, width - 2 * inset, height - 2 * inset)
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillStyle = '#f5f5f4'
  ctx.font = `bold ${Math.round(height * 0.075)}px "${family}"`
  ctx.fillText(panel.label, width / 2, height * 0.46, width - 4 * inset)
  ctx.fillStyle = '#a1a1aa'
  ctx.font = `${Math.round(height * 0.04)}px "${family}"`
  ctx.fillText(note, width / 2, height * 0.58, width - 4 * inset)
  canvas.data()
  return canvas
}
