import { dataView as view, invalid, needMore, type DimensionsResult } from './dimensions-result'
import type { ImageMime } from './image-types'
import { readJpegDimensions } from './jpeg-dimensions'

// Width and height from the first bytes of an image, without decoding it, so the pixel limit is enforced before the
// whole upload has arrived. Each reader says 'need-more' when the header has not fully arrived yet.
export type { DimensionsResult } from './dimensions-result'

export function readImageDimensions(mime: ImageMime, head: Uint8Array): DimensionsResult {
  const result = readers[mime](head)
  if (result.status === 'ok' && (result.width < 1 || result.height < 1)) return invalid('the header gives a zero width or height')
  return result
}

const readers: Record<ImageMime, (head: Uint8Array) => DimensionsResult> = {
  'image/png': readPngDimensions,
  'image/gif': readGifDimensions,
  'image/webp': readWebpDimensions,
  'image/jpeg': readJpegDimensions,
}

const fourCc = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4))

/** Signature (8), then the IHDR chunk: length (4), "IHDR" (4), width (4, big-endian), height (4). */
function readPngDimensions(head: Uint8Array): DimensionsResult {
  if (head.length < 24) return needMore
  if (fourCc(head, 12) !== 'IHDR') return invalid('the first chunk is not IHDR')
  const data = view(head)
  return { status: 'ok', width: data.getUint32(16), height: data.getUint32(20) }
}

/** "GIF89a", then the logical screen width and height as little-endian 16-bit numbers. */
function readGifDimensions(head: Uint8Array): DimensionsResult {
  if (head.length < 10) return needMore
  const data = view(head)
  return { status: 'ok', width: data.getUint16(6, true), height: data.getUint16(8, true) }
}

/** "RIFF" size "WEBP", then one of three first chunks, each with the size in its own layout. */
function readWebpDimensions(head: Uint8Array): DimensionsResult {
  if (head.length < 30) return needMore
  const data = view(head)
  const chunk = fourCc(head, 12)
  if (chunk === 'VP8X') {
    // Extended format: canvas width - 1 and height - 1 as 24-bit little-endian numbers.
    const uint24 = (at: number) => data.getUint16(at, true) | (data.getUint8(at + 2) << 16)
    return { status: 'ok', width: uint24(24) + 1, height: uint24(27) + 1 }
  }
  if (chunk === 'VP8L') {
    // Lossless: signature 0x2f, then 14-bit width - 1 and 14-bit height - 1 packed little-endian.
    if (data.getUint8(20) !== 0x2f) return invalid('the lossless header has no signature')
    const bits = data.getUint32(21, true)
    return { status: 'ok', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 }
  }
  if (chunk === 'VP8 ') {
    // Lossy: 3-byte frame tag, start code 9d 01 2a, then 14-bit width and height (the top 2 bits are scaling).
    if (data.getUint8(23) !== 0x9d || data.getUint8(24) !== 0x01 || data.getUint8(25) !== 0x2a) {
      return invalid('the lossy header has no start code')
    }
    return { status: 'ok', width: data.getUint16(26, true) & 0x3fff, height: data.getUint16(28, true) & 0x3fff }
  }
  return invalid(`unknown first chunk "${chunk}"`)
}
