import fs from 'node:fs/promises'
import path from 'node:path'
import { createCanvas, ImageData, type Canvas } from '@napi-rs/canvas'
import type { AnimaticPlan } from '@/lib/animatic'
import { hashString } from '@/lib/ai/seeded-random'
import { openClipFrames, type ClipFrames } from './clip-frames'
import type { LoadPicture } from './panel-pictures'

// AI motion for an animatic: each panel with a picture becomes a generated clip as long as the panel is on screen
// (dissolve tail included), and the renderer asks for that panel's picture frame by frame instead of its still. Clips
// are made when a panel is first needed and decoded as they play, so only the panels on screen hold a clip open.
// Whatever goes wrong with one panel's clip (generation, an unreadable answer) leaves that panel as its still, with a
// warning: motion is a nicety, never a reason to fail a render.

export interface GeneratedPanelClip {
  bytes: Uint8Array
  provider: string
  modelId: string
  offline: boolean
}

export type GeneratePanelClip = (params: {
  image: Uint8Array
  seconds: number
  fps: number
  frame: { width: number; height: number }
  seed: number
  signal?: AbortSignal
}) => Promise<GeneratedPanelClip>

/** A panel whose motion was generated: what the render's provenance names as its model and parent. */
export interface PanelMotionSource {
  panel: number
  image: string
  provider: string
  modelId: string
  offline: boolean
}

export interface PanelMotionOptions {
  plan: AnimaticPlan
  width: number
  height: number
  rate: { numerator: number; denominator: number }
  loadPicture: LoadPicture
  generate: GeneratePanelClip
  /** Where clips are written while they play; the caller's working folder. */
  workDir: string
  onWarning?: (message: string) => void
  signal?: AbortSignal
}

export interface PanelMotion {
  /** This panel's picture at this frame of the animatic, or null when the panel shows its still (or slate). */
  pictureAt(panel: number, frameNumber: number): Promise<Canvas | null>
  /** Closes the clips of every panel not listed (they are off screen for good). */
  keepOnly(panels: readonly number[]): Promise<void>
  close(): Promise<void>
  readonly sources: readonly PanelMotionSource[]
}

interface PlayingClip {
  frames: ClipFrames
  canvas: Canvas
  /** Frames of the clip read so far; the canvas shows frame read - 1. */
  read: number
}

export function createPanelMotion(options: PanelMotionOptions): PanelMotion {
  const { plan, width, height, rate } = options
  const playing = new Map<number, Promise<PlayingClip | null>>()
  const sources: PanelMotionSource[] = []

  async function start(index: number): Promise<PlayingClip | null> {
    const panel = plan.panels[index]
    if (!panel?.image) return null
    const frameCount = panel.visibleUntil - panel.startFrame
    let frames: ClipFrames | null = null
    try {
      const image = await options.loadPicture(panel.image, options.signal)
      if (!image) return null
      const clip = await options.generate({
        image,
        seconds: (frameCount * rate.denominator) / rate.numerator,
        fps: Math.max(1, Math.round(rate.numerator / rate.denominator)),
        frame: { width, height },
        // The same board renders the same motion.
        seed: hashString(panel.id),
        signal: options.signal,
      })
      const file = path.join(options.workDir, `motion-${index}.video`)
      await fs.writeFile(file, clip.bytes)
      frames = openClipFrames({ path: file, width, height, rate, frameCount, signal: options.signal })
      const playing: PlayingClip = { frames, canvas: createCanvas(width, height), read: 0 }
      // The first frame is read now so a clip ffmpeg cannot decode falls back here, not halfway through the panel.
      draw(playing, await frames.next())
      sources.push({ panel: index, image: panel.image, provider: clip.provider, modelId: clip.modelId, offline: clip.offline })
      return playing
    } catch (error) {
      await frames?.close()
      if (options.signal?.aborted) throw options.signal.reason
      const why = error instanceof Error && error.message ? ` (${error.message})` : ''
      options.onWarning?.(`The motion of ${panel.label} could not be generated${why}, so its still was used instead.`)
      return null
    }
  }

  function draw(clip: PlayingClip, rgba: Buffer) {
    const pixels = new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.byteLength)
    clip.canvas.getContext('2d').putImageData(new ImageData(pixels, width, height), 0, 0)
    clip.read += 1
  }

  return {
    get sources() {
      return sources
    },
    async pictureAt(index, frameNumber) {
      let clip = playing.get(index)
      if (!clip) playing.set(index, (clip = start(index)))
      const current = await clip
      if (!current) return null
      const offset = frameNumber - plan.panels[index]!.startFrame
      // Frames are asked for in order; a frame asked for twice (or before the panel starts) keeps what is shown.
      while (current.read <= offset) draw(current, await current.frames.next())
      return current.canvas
    },
    async keepOnly(panels) {
      for (const [index, clip] of playing) {
        if (panels.includes(index)) continue
        playing.delete(index)
        await (await clip)?.frames.close()
      }
    },
    async close() {
      const clips = [...playing.values()]
      playing.clear()
      for (const clip of clips) await (await clip.catch(() => null))?.frames.close()
    },
  }
}
