import type { ImageMime } from './image-types'

// A header can be perfect and the rest missing (a copy interrupted half way). Where the format says exactly how it
// ends we check it. JPEG and GIF are not checked: cameras and phones often append data after JPEG's end marker, and
// browsers show both formats without their trailer, so a check would refuse files people can see are fine.

/** Bytes of the end of the file that isCompleteImage needs. */
export const trailerBytes = 12

// The IEND chunk: zero length, "IEND", and its fixed CRC.
const pngEnd = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]

export function isCompleteImage(mime: ImageMime, input: { head: Uint8Array; tail: Uint8Array; totalBytes: number }): boolean {
  if (mime === 'image/png') {
    const { tail } = input
    return tail.length >= pngEnd.length && pngEnd.every((byte, i) => tail[tail.length - pngEnd.length + i] === byte)
  }
  if (mime === 'image/webp') {
    // The RIFF header gives the length of everything after its first 8 bytes.
    if (input.head.length < 8) return false
    const riffSize = new DataView(input.head.buffer, input.head.byteOffset, 8).getUint32(4, true)
    return input.totalBytes >= riffSize + 8
  }
  return true
}
