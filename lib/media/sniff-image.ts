import type { ImageMime } from './image-types'

// Decides what an upload is from its first bytes, never from its name or declared Content-Type: an HTML page renamed
// photo.png is still an HTML page.

/** Bytes needed to recognise every accepted format (WebP needs "RIFF" + size + "WEBP"). */
export const sniffBytes = 12

export type SniffResult =
  | { kind: 'image'; mime: ImageMime }
  | { kind: 'svg' }
  | { kind: 'unknown' }
  /** Fewer than sniffBytes bytes and no match yet: call again with more, or treat as unknown at end of input. */
  | { kind: 'need-more' }

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte)

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0))

const signatures: { mime: ImageMime; test: (bytes: Uint8Array) => boolean }[] = [
  { mime: 'image/png', test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mime: 'image/jpeg', test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { mime: 'image/gif', test: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')) },
  { mime: 'image/webp', test: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
]

export function sniffImage(head: Uint8Array, { complete = false } = {}): SniffResult {
  for (const { mime, test } of signatures) if (test(head)) return { kind: 'image', mime }
  if (looksLikeSvg(head)) return { kind: 'svg' }
  if (head.length < sniffBytes && !complete) return { kind: 'need-more' }
  return { kind: 'unknown' }
}

/** Starts with <svg, or with an XML prologue followed by <svg: enough to give SVG uploads a precise refusal. */
function looksLikeSvg(head: Uint8Array): boolean {
  const text = new TextDecoder().decode(head.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart().toLowerCase()
  return text.startsWith('<svg') || ((text.startsWith('<?xml') || text.startsWith('<!doctype svg')) && text.includes('<svg'))
}
