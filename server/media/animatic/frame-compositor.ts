import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas'
import type { FrameLayer, PlannedFrame } from '@/lib/animatic'
import { registerOverlayFont } from './overlay-font'

// Draws one planned frame: black, then each layer's picture through its framing at its opacity, then the burnt-in
// text. Returns the frame as RGBA bytes for ffmpeg.
//
// Most of an animatic is held panels: the picture stays put and only the timecode ticks. Drawing and reading back a
// whole frame for those costs as much as a moving one, so a frame whose picture, label and caption match the previous
// frame is made from the previous one instead: the same bytes when only the frame number changed, or a copy with the
// timecode's corner redrawn. Every frame handed out is its own buffer and never changed afterwards (ffmpeg's pipe may
// still hold it).

export interface FrameCompositor {
  /**
   * pictureStamp: set when a picture changes while the frame's layers stay the same (AI motion plays a clip in a
   * held panel), so the frame is drawn afresh rather than reused; frames with equal stamps may share their pixels.
   */
  compose(frame: PlannedFrame, pictures: ReadonlyMap<number, Canvas>, pictureStamp?: string): Buffer
  /** How many frames were drawn in full, reused whole, or made by redrawing only the timecode (for tests and the bench). */
  readonly stats: { full: number; reused: number; timecodeOnly: number }
}

const maxCaptionLines = 3

export function createFrameCompositor(width: number, height: number): FrameCompositor {
  const family = registerOverlayFont()
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  const cornerSize = Math.max(12, Math.round(height * 0.032))
  const captionSize = Math.max(14, Math.round(height * 0.042))
  const margin = Math.round(height * 0.03)
  const tagPadding = cornerSize * 0.4
  const tagHeight = cornerSize + tagPadding * 2
  const wrapped = new Map<string, string[]>()
  const stats = { full: 0, reused: 0, timecodeOnly: 0 }

  // The timecode's corner, redrawn alone on held frames: wide enough for any label (digits are equally wide in
  // DejaVu Sans), with a few pixels spare for antialiasing, on even bounds.
  ctx.font = tagFont()
  const patchWidth = even(ctx.measureText('88:88:88:88').width + tagPadding * 2 + 8)
  const patchHeight = even(tagHeight + 8)
  const patchLeft = Math.max(0, width - margin - patchWidth + 4)
  const patchTop = Math.max(0, margin - 4)
  const patch = createCanvas(Math.min(patchWidth, width - patchLeft), Math.min(patchHeight, height - patchTop))
  const patchCtx = patch.getContext('2d')
  const patchUnder = createCanvas(patch.width, patch.height)

  let lastKey: string | null = null
  let lastFrame: Buffer | null = null
  let held: Buffer | null = null

  function tagFont() {
    return `bold ${cornerSize}px "${family}"`
  }

  function drawTag(target: SKRSContext2D, text: string, x: number, align: 'left' | 'right', offsetX = 0, offsetY = 0) {
    target.font = tagFont()
    const boxWidth = target.measureText(text).width + tagPadding * 2
    const boxLeft = (align === 'left' ? x : x - boxWidth) - offsetX
    const boxTop = margin - offsetY
    target.fillStyle = 'rgba(0, 0, 0, 0.55)'
    target.fillRect(boxLeft, boxTop, boxWidth, tagHeight)
    target.fillStyle = '#ffffff'
    target.textAlign = 'left'
    target.textBaseline = 'middle'
    target.fillText(text, boxLeft + tagPadding, boxTop + tagPadding + cornerSize / 2)
  }

  function drawCaption(text: string) {
    ctx.font = `${captionSize}px "${family}"`
    let lines = wrapped.get(text)
    if (!lines) {
      lines = wrapText(ctx, text, width * 0.8)
      // A caption stays on screen for a whole panel; keep the few most recent wrappings, not every one ever seen.
      if (wrapped.size > 16) wrapped.clear()
      wrapped.set(text, lines)
    }
    const lineHeight = captionSize * 1.3
    const padding = captionSize * 0.5
    const boxWidth = Math.max(...lines.map((line) => ctx.measureText(line).width)) + padding * 2
    const boxHeight = lines.length * lineHeight + padding * 2
    const top = height - margin - boxHeight
    ctx.fillStyle = 'rgba(0, 0, 0, 0.6)'
    ctx.fillRect((width - boxWidth) / 2, top, boxWidth, boxHeight)
    ctx.fillStyle = '#ffffff'
    ctx.textAlign = 'center'
    ctx.textBaseline = 'middle'
    lines.forEach((line, i) => ctx.fillText(line, width / 2, top + padding + lineHeight * (i + 0.5)))
  }

  /** Everything but the timecode. */
  function drawPicture(frame: PlannedFrame, pictures: ReadonlyMap<number, Canvas>) {
    ctx.setTransform(1, 0, 0, 1, 0, 0)
    ctx.globalAlpha = 1
    // Black shows only where no opaque picture covers the frame: mid-fade, or a framing reaching past the panel.
    if (!coversFrame(frame.layers[0])) {
      ctx.fillStyle = '#000000'
      ctx.fillRect(0, 0, width, height)
    }
    // Bilinear: pictures are prepared at or above the size they are drawn, so this only ever scales down a little.
    ctx.imageSmoothingEnabled = true
    ctx.imageSmoothingQuality = 'low'
    for (const layer of frame.layers) {
      const picture = pictures.get(layer.panel)
      if (!picture) throw new Error(`Panel ${layer.panel} was not prepared before frame ${frame.frame}.`)
      const { x, y, width: w, height: h } = layer.framing
      // The picture spans the normalised frame 0..1; the framing rectangle is stretched to fill the output.
      ctx.setTransform(width / (w * picture.width), 0, 0, height / (h * picture.height), (-x * width) / w, (-y * height) / h)
      ctx.globalAlpha = layer.opacity
      ctx.drawImage(picture, 0, 0)
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0)
    ctx.globalAlpha = 1
    if (frame.label) drawTag(ctx, frame.label, margin, 'left')
    if (frame.caption) drawCaption(frame.caption)
  }

  /** A copy of the held picture with this frame's timecode drawn into its corner. */
  function withTimecode(base: Buffer, timecode: string): Buffer {
    patchCtx.drawImage(patchUnder, 0, 0)
    drawTag(patchCtx, timecode, width - margin, 'right', patchLeft, patchTop)
    const pixels = patch.data()
    const out = Buffer.from(base)
    const rowBytes = patch.width * 4
    for (let row = 0; row < patch.height; row++) {
      pixels.copy(out, ((patchTop + row) * width + patchLeft) * 4, row * rowBytes, (row + 1) * rowBytes)
    }
    return out
  }

  return {
    stats,
    compose(frame, pictures, pictureStamp) {
      const key = pictureStamp === undefined ? pictureKey(frame) : `${pictureKey(frame)}\u0000${pictureStamp}`
      if (key === lastKey && lastFrame) {
        if (!frame.timecode) {
          stats.reused += 1
          return lastFrame
        }
        if (!held) {
          // First repeat of this picture: draw it once more without the timecode, and keep it and its corner.
          drawPicture(frame, pictures)
          held = canvas.data()
          const under = patchUnder.getContext('2d')
          under.clearRect(0, 0, patchUnder.width, patchUnder.height)
          under.drawImage(canvas, patchLeft, patchTop, patchUnder.width, patchUnder.height, 0, 0, patchUnder.width, patchUnder.height)
        }
        stats.timecodeOnly += 1
        return (lastFrame = withTimecode(held, frame.timecode))
      }
      stats.full += 1
      lastKey = key
      held = null
      drawPicture(frame, pictures)
      if (frame.timecode) drawTag(ctx, frame.timecode, width - margin, 'right')
      return (lastFrame = canvas.data())
    },
  }
}

/** What decides a frame's picture apart from its timecode. */
function pictureKey(frame: PlannedFrame): string {
  let key = `${frame.label ?? ''}\u0000${frame.caption ?? ''}`
  for (const { panel, opacity, framing } of frame.layers) key += `\u0000${panel}:${opacity}:${framing.x}:${framing.y}:${framing.width}:${framing.height}`
  return key
}

function coversFrame(layer: FrameLayer | undefined): boolean {
  if (!layer || layer.opacity < 1) return false
  const { x, y, width, height } = layer.framing
  const slack = 1e-9
  return x >= -slack && y >= -slack && x + width <= 1 + slack && y + height <= 1 + slack
}

function even(value: number): number {
  return Math.ceil(value / 2) * 2
}

/** Greedy word wrap into at most three lines, the last one cut with an ellipsis if the dialogue runs on. */
export function wrapText(ctx: Pick<SKRSContext2D, 'measureText'>, text: string, maxWidth: number): string[] {
  const lines: string[] = []
  for (const paragraph of text.split(/\r?\n/)) {
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word
      if (line && ctx.measureText(candidate).width > maxWidth) {
        lines.push(line)
        line = word
      } else line = candidate
    }
    if (line) lines.push(line)
  }
  if (lines.length <= maxCaptionLines) return lines
  const kept = lines.slice(0, maxCaptionLines)
  let last = kept[maxCaptionLines - 1]!
  while (last.length > 1 && ctx.measureText(`${last}…`).width > maxWidth) last = last.slice(0, -1)
  kept[maxCaptionLines - 1] = `${last.trimEnd()}…`
  return kept
}

export type { Canvas }
