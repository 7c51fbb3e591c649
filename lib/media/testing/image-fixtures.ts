// Test-only: small images built byte by byte, so tests state exactly which header they exercise. The PNG is a real,
// decodable image (stored deflate blocks); the others carry real headers around placeholder image data.

const encoder = new TextEncoder()
const ascii = (text: string) => encoder.encode(text)

export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

const u16be = (n: number) => new Uint8Array([(n >>> 8) & 0xff, n & 0xff])
const u16le = (n: number) => new Uint8Array([n & 0xff, (n >>> 8) & 0xff])
const u24le = (n: number) => new Uint8Array([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff])
const u32be = (n: number) => new Uint8Array([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff])
const u32le = (n: number) => new Uint8Array([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff])

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}
function adler32(bytes: Uint8Array): number {
  let a = 1
  let b = 0
  for (const byte of bytes) {
    a = (a + byte) % 65521
    b = (b + a) % 65521
  }
  return ((b << 16) | a) >>> 0
}

const pngSignature = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
function pngChunk(type: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const typeAndData = concatBytes(ascii(type), data)
  return concatBytes(u32be(data.length), typeAndData, u32be(crc32(typeAndData)))
}

/** Signature and IHDR only: what the dimension reader sees first. Width and height may be absurd on purpose. */
export function pngHeader(width: number, height: number): Uint8Array<ArrayBuffer> {
  // 8-bit greyscale, deflate, no filter method, no interlace.
  const ihdr = concatBytes(u32be(width), u32be(height), new Uint8Array([8, 0, 0, 0, 0]))
  return concatBytes(pngSignature, pngChunk('IHDR', ihdr))
}

/** A complete grey PNG that any decoder opens. Keep it small: the pixels are stored uncompressed. */
export function png(width: number, height: number, { shade = 0x80 } = {}): Uint8Array<ArrayBuffer> {
  const rows = new Uint8Array(height * (width + 1))
  for (let y = 0; y < height; y++) rows.fill(shade, y * (width + 1) + 1, (y + 1) * (width + 1)) // filter byte 0 first
  const blocks: Uint8Array[] = []
  for (let offset = 0; offset < rows.length || blocks.length === 0; offset += 65535) {
    const block = rows.subarray(offset, offset + 65535)
    const last = offset + 65535 >= rows.length ? 1 : 0
    blocks.push(concatBytes(new Uint8Array([last]), u16le(block.length), u16le(~block.length & 0xffff), block))
  }
  const zlib = concatBytes(new Uint8Array([0x78, 0x01]), ...blocks, u32be(adler32(rows)))
  return concatBytes(pngHeader(width, height), pngChunk('IDAT', zlib), pngChunk('IEND', new Uint8Array()))
}

function jpegSegment(marker: number, payload: Uint8Array): Uint8Array<ArrayBuffer> {
  return concatBytes(new Uint8Array([0xff, marker]), u16be(payload.length + 2), payload)
}

function exifWithOrientation(orientation: number, byteOrder: 'II' | 'MM'): Uint8Array<ArrayBuffer> {
  const little = byteOrder === 'II'
  const u16 = little ? u16le : u16be
  const u32 = little ? u32le : u32be
  // TIFF header, IFD0 with one entry (Orientation, SHORT, count 1, value), no next IFD.
  const tiff = concatBytes(ascii(byteOrder), u16(42), u32(8), u16(1), u16(0x0112), u16(3), u32(1), u16(orientation), u16(0), u32(0))
  return concatBytes(ascii('Exif\0\0'), tiff)
}

/** SOI, JFIF, optional EXIF orientation and padding metadata, a baseline frame header, a token scan, EOI. */
export function jpeg(
  width: number,
  height: number,
  options: { orientation?: number; byteOrder?: 'II' | 'MM'; metadataBytes?: number; progressive?: boolean } = {},
): Uint8Array<ArrayBuffer> {
  const parts = [new Uint8Array([0xff, 0xd8]), jpegSegment(0xe0, concatBytes(ascii('JFIF\0'), new Uint8Array([1, 1, 0, 0, 1, 0, 1, 0, 0])))]
  if (options.orientation) parts.push(jpegSegment(0xe1, exifWithOrientation(options.orientation, options.byteOrder ?? 'MM')))
  // Large metadata (ICC profiles, thumbnails) pushes the frame header far from the start.
  for (let left = options.metadataBytes ?? 0; left > 0; left -= 60000) parts.push(jpegSegment(0xe2, new Uint8Array(Math.min(left, 60000))))
  const frame = concatBytes(new Uint8Array([8]), u16be(height), u16be(width), new Uint8Array([1, 1, 0x11, 0]))
  parts.push(new Uint8Array([0xff]), jpegSegment(options.progressive ? 0xc2 : 0xc0, frame)) // one fill byte, as some encoders write
  parts.push(jpegSegment(0xda, new Uint8Array([1, 1, 0, 0, 0x3f, 0])), new Uint8Array([0x12, 0x34, 0xff, 0xd9]))
  return concatBytes(...parts)
}

/** A GIF89a with its logical screen size set to width × height around a 1×1 image. */
export function gif(width: number, height: number): Uint8Array<ArrayBuffer> {
  return concatBytes(
    ascii('GIF89a'),
    u16le(width),
    u16le(height),
    new Uint8Array([0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff]), // global colour table of two entries
    new Uint8Array([0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0]), // image descriptor, 1×1 at 0,0
    new Uint8Array([0x02, 0x02, 0x44, 0x01, 0x00, 0x3b]), // LZW data, trailer
  )
}

/** A WebP in one of its three layouts, with a RIFF size that matches its length. */
export function webp(width: number, height: number, layout: 'VP8 ' | 'VP8L' | 'VP8X' = 'VP8 '): Uint8Array<ArrayBuffer> {
  let chunk: Uint8Array
  if (layout === 'VP8X') {
    chunk = concatBytes(new Uint8Array([0, 0, 0, 0]), u24le(width - 1), u24le(height - 1))
  } else if (layout === 'VP8L') {
    const bits = ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14)
    chunk = concatBytes(new Uint8Array([0x2f]), u32le(bits), new Uint8Array(5))
  } else {
    chunk = concatBytes(new Uint8Array([0x10, 0x02, 0x00, 0x9d, 0x01, 0x2a]), u16le(width), u16le(height), new Uint8Array(6))
  }
  const body = concatBytes(ascii('WEBP'), ascii(layout), u32le(chunk.length), chunk)
  return concatBytes(ascii('RIFF'), u32le(body.length), body)
}

export const htmlPage = ascii('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>\n')
export const svgImage = ascii('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>')
