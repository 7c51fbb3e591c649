import { dataView, invalid, needMore, type DimensionsResult } from './dimensions-result'

// JPEG keeps its size in the frame header (SOF), which comes after any number of metadata segments, so we walk the
// segments from the start. EXIF orientations 5–8 rotate the picture a quarter turn: browsers display it rotated, so
// we report the displayed width and height (a portrait phone photo is stored landscape with orientation 6).

const markerOnly = (marker: number) => marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)
// SOF0–SOF15 except DHT (c4), JPG (c8) and DAC (cc), which share the range.
const isFrameHeader = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
const startOfScan = 0xda
const endOfImage = 0xd9
const app1 = 0xe1

export function readJpegDimensions(head: Uint8Array): DimensionsResult {
  const data = dataView(head)
  let orientation = 1
  let offset = 2 // after SOI (ff d8)
  for (;;) {
    if (offset >= head.length) return needMore
    if (head[offset] !== 0xff) return invalid('a segment does not start with a marker')
    let markerAt = offset + 1
    while (markerAt < head.length && head[markerAt] === 0xff) markerAt++ // fill bytes
    if (markerAt >= head.length) return needMore
    const marker = head[markerAt]!
    offset = markerAt + 1
    if (markerOnly(marker)) continue
    if (marker === startOfScan || marker === endOfImage) return invalid('the image data starts before any frame header')
    if (offset + 2 > head.length) return needMore
    const segmentEnd = offset + data.getUint16(offset)
    if (segmentEnd < offset + 2) return invalid('a segment has an impossible length')
    if (isFrameHeader(marker)) {
      // length (2), precision (1), height (2), width (2)
      if (offset + 7 > head.length) return needMore
      const height = data.getUint16(offset + 3)
      const width = data.getUint16(offset + 5)
      if (height === 0) return invalid('the height is only given after the image data (DNL), which we do not read')
      return orientation >= 5 ? { status: 'ok', width: height, height: width } : { status: 'ok', width, height }
    }
    if (marker === app1) {
      if (segmentEnd > head.length) return needMore
      orientation = readExifOrientation(head.subarray(offset + 2, segmentEnd)) ?? orientation
    }
    offset = segmentEnd
  }
}

const exifHeader = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00] // "Exif\0\0"
const orientationTag = 0x0112

/** The orientation (1–8) in an APP1 payload, or null when it is not EXIF or says nothing usable. */
export function readExifOrientation(payload: Uint8Array): number | null {
  if (payload.length < 14 || !exifHeader.every((byte, i) => payload[i] === byte)) return null
  const tiff = dataView(payload.subarray(6))
  const order = tiff.getUint16(0)
  if (order !== 0x4949 && order !== 0x4d4d) return null // "II" little-endian, "MM" big-endian
  const little = order === 0x4949
  if (tiff.getUint16(2, little) !== 42) return null
  const ifd = tiff.getUint32(4, little)
  if (ifd + 2 > tiff.byteLength) return null
  const entries = tiff.getUint16(ifd, little)
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12
    if (entry + 12 > tiff.byteLength) return null
    if (tiff.getUint16(entry, little) !== orientationTag) continue
    const value = tiff.getUint16(entry + 8, little)
    return value >= 1 && value <= 8 ? value : null
  }
  return null
}
