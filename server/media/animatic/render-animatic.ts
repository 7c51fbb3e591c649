import fs from 'node:fs/promises'
import path from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { Canvas } from '@napi-rs/canvas'
import { assertRenderable, type AnimaticPlan, type FrameLayer } from '@/lib/animatic'
import { untrustedInput } from '@/server/media/ffmpeg'
import { acceptedAudioDemuxers } from '@/server/media/ffmpeg/sniff-audio-container'
import { checkAudioTrack, type AudioTrack } from './audio-track'
import { createFrameCompositor } from './frame-compositor'
import { startFrameEncoder } from './frame-encoder'
import { createPanelPictures, type LoadPicture, type PanelPictures } from './panel-pictures'
import type { PanelMotion } from './panel-motion'

// Renders a planned animatic to an H.264 MP4: each frame is drawn in this process and streamed raw to one ffmpeg,
// which encodes it (libx264, yuv420p, constant rate at the project's exact rational rate, +faststart) and muxes the
// optional audio track, cut or padded with silence to the picture's length. Memory stays flat: frames go out one at
// a time as fast as ffmpeg takes them, and only the pictures of the panels on screen and the next one are held.
// On abort or failure ffmpeg is killed and the partial file removed.

export const animaticResolutions = {
  '720p': { width: 1280, height: 720 },
  '1080p': { width: 1920, height: 1080 },
} as const
export type AnimaticResolution = keyof typeof animaticResolutions

export interface EncoderSettings {
  /** libx264 preset: speed against file size at the same quality. */
  preset: 'ultrafast' | 'superfast' | 'veryfast' | 'faster' | 'fast' | 'medium'
  /** Constant quality; lower is better and bigger. */
  crf: number
}

/** Fast enough for several times real time on two cores; an animatic of drawings compresses well even so. */
export const defaultEncoderSettings: EncoderSettings = { preset: 'superfast', crf: 20 }

export interface RenderProgress {
  framesDone: number
  totalFrames: number
}

export interface RenderAnimaticOptions {
  plan: AnimaticPlan
  width: number
  height: number
  /** The plan's rate, exactly. */
  rate: { numerator: number; denominator: number }
  loadPicture: LoadPicture
  outputPath: string
  audio?: AudioTrack | null
  encoder?: Partial<EncoderSettings>
  /** Container tags (`-metadata key=value`), e.g. the project's AI disclosure; MP4 keeps them in its udta atom. */
  metadata?: Readonly<Record<string, string>>
  signal?: AbortSignal
  onProgress?: (progress: RenderProgress) => void
  /** AI motion: a panel it has a clip for shows the clip's frame instead of its still. */
  motion?: Pick<PanelMotion, 'pictureAt' | 'keepOnly'>
}

export interface RenderAnimaticResult {
  totalFrames: number
  /** Plan warnings (skipped panels, shortened transitions) and render ones (unreadable pictures). */
  warnings: string[]
}

export async function renderAnimatic(options: RenderAnimaticOptions): Promise<RenderAnimaticResult> {
  const { plan, width, height, outputPath, signal, onProgress } = options
  assertRenderable(plan)
  assertEvenSize(width, height)
  signal?.throwIfAborted()
  if (options.audio) await checkAudioTrack(options.audio, signal)
  const warnings = plan.warnings.map((warning) => warning.message)
  const pictures = createPanelPictures(plan, { width, height, loadPicture: options.loadPicture, signal, onWarning: (message) => warnings.push(message) })
  const compositor = createFrameCompositor(width, height)
  const encoder = startFrameEncoder(encoderArgs({ ...options, encoder: { ...defaultEncoderSettings, ...options.encoder } }))
  let finished = false
  try {
    const onScreen = new Map<number, Canvas>()
    let current = -1
    for (let frameNumber = 0; frameNumber < plan.totalFrames; frameNumber++) {
      signal?.throwIfAborted()
      const frame = plan.frameAt(frameNumber)
      if (frame.current !== current) {
        current = frame.current
        // The outgoing panel may still show under a dissolve; the next one is fetched and decoded meanwhile.
        pictures.keepOnly([current - 1, current, current + 1].filter((index) => index >= 0))
        await options.motion?.keepOnly([current - 1, current].filter((index) => index >= 0))
      }
      onScreen.clear()
      const moving = await drawLayers(frame.layers, frameNumber, onScreen, pictures, options.motion)
      await encoder.write(compositor.compose(frame, onScreen, moving ? String(frameNumber) : undefined))
      onProgress?.({ framesDone: frameNumber + 1, totalFrames: plan.totalFrames })
      // Each frame's pixels are a native buffer that Node frees only from the event loop, after a GC has found it
      // unused. Without a turn of the loop per frame (a write that does not have to wait for ffmpeg resolves without
      // one), they pile up by the hundred: memory climbs and every new frame faults in fresh pages, which cost more
      // than drawing it.
      await nextTurn()
    }
    await encoder.finish()
    finished = true
  } finally {
    if (!finished) {
      await encoder.kill()
      await fs.rm(outputPath, { force: true })
    }
  }
  signal?.throwIfAborted()
  return { totalFrames: plan.totalFrames, warnings }
}

/** Puts each layer's picture for this frame in onScreen; true when any of them is a frame of a moving clip. */
async function drawLayers(
  layers: readonly FrameLayer[],
  frameNumber: number,
  onScreen: Map<number, Canvas>,
  pictures: PanelPictures,
  motion: RenderAnimaticOptions['motion'],
): Promise<boolean> {
  let moving = false
  for (const layer of layers) {
    const clipFrame = motion ? await motion.pictureAt(layer.panel, frameNumber) : null
    if (clipFrame) moving = true
    onScreen.set(layer.panel, clipFrame ?? (await pictures.get(layer.panel)))
  }
  return moving
}

function encoderArgs(options: RenderAnimaticOptions & { encoder: EncoderSettings }): string[] {
  const { width, height, rate, plan, audio, encoder, outputPath, metadata = {} } = options
  const fps = `${rate.numerator}/${rate.denominator}`
  // The picture's exact length; the audio is padded with silence and cut to it.
  const seconds = ((plan.totalFrames * rate.denominator) / rate.numerator).toFixed(6)
  const video = ['-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', `${width}x${height}`, '-framerate', fps, '-i', 'pipe:0']
  const sound = audio
    ? [...untrustedInput(audio.path, { formats: acceptedAudioDemuxers }), '-map', '0:v:0', '-map', '1:a:0', '-af', `asetpts=PTS-STARTPTS,apad,atrim=end=${seconds}`, '-c:a', 'aac', '-b:a', '160k', '-ar', '48000']
    : ['-map', '0:v:0']
  return [
    ...video,
    ...sound,
    '-c:v', 'libx264', '-preset', encoder.preset, '-crf', String(encoder.crf), '-pix_fmt', 'yuv420p',
    '-r', fps,
    '-movflags', '+faststart',
    ...Object.entries(metadata).flatMap(([key, value]) => ['-metadata', `${key}=${value}`]),
    '-y', path.resolve(outputPath),
  ]
}

function assertEvenSize(width: number, height: number) {
  // yuv420p halves both axes for colour, so odd sizes cannot be encoded.
  if (!Number.isSafeInteger(width) || !Number.isSafeInteger(height) || width < 16 || height < 16 || width % 2 || height % 2) {
    throw new RangeError(`An animatic must be at least 16×16 with even sides, not ${width}×${height}.`)
  }
}
