import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas'
import type { PlannedFrame } from '@/lib/animatic'
import { registerOverlayFont } from './overlay-font'

// Draws one planned frame: black, then each layer's picture through its framing at its opacity, then the burnt-in
// text. Returns the frame as RGBA bytes for ffmpeg. One canvas is reused for every frame.

export interface FrameCompositor {
  compose(frame: PlannedFrame, pictures: ReadonlyMap<number, Canvas>): Buffer
}

const maxCaptionLines = 3

export function createFrameCompositor(width: number, height: number): FrameCompositor {
  const family = registerOverlayFont()
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  // Bilinear: pictures are prepared at or above the size they are drawn, so this only ever scales down a little.
  ctx.imageSmoothingQuality = 'low'
  const cornerSize = Math.max(12, Math.round(height * 0.032))
  const captionSize = Math.max(14, Math.round(height * 0.042))
  const margin = Math.round(height * 0.03)
  const wrapped = new Map<string, string[]>()

  function drawTag(text: string, x: number, align: 'left' | 'right') {
    ctx.font = `bold ${cornerSize}px "${family}"`
    const padding = cornerSize * 0.4
    const boxWidth = ctx.measureText(text).width + padding * 2
    const boxLeft = align === 'left' ? x : x - boxWidth
    ctx.fillStyle = 'rgba(0, 0, 0, 0.55)'
    ctx.fillRect(boxLeft, margin, boxWidth, cornerSize + padding * 2)
    ctx.fillStyle = '#ffffff'
    ctx.textAlign = 'left'
    ctx.textBaseline = 'middle'
    ctx.fillText(text, boxLeft + padding, margin + padding + cornerSize / 2)
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

  return {
    compose(frame, pictures) {
      ctx.setTransform(1, 0, 0, 1, 0, 0)
      ctx.globalAlpha = 1
      ctx.fillStyle = '#000000'
      ctx.fillRect(0, 0, width, height)
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
      if (frame.label) drawTag(frame.label, margin, 'left')
      if (frame.timecode) drawTag(frame.timecode, width - margin, 'right')
      if (frame.caption) drawCaption(frame.caption)
      return canvas.data()
    },
  }
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
