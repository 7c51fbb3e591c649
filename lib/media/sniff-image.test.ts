import { describe, expect, it } from 'vitest'
import { readImageDimensions } from './image-dimensions'
import { isCompleteImage } from './image-trailer'
import { sniffImage } from './sniff-image'
import { gif, htmlPage, jpeg, png, pngHeader, svgImage, webp } from './testing/image-fixtures'

describe('sniffImage', () => {
  it('recognises each accepted format by its first bytes', () => {
    expect(sniffImage(png(2, 2))).toEqual({ kind: 'image', mime: 'image/png' })
    expect(sniffImage(jpeg(2, 2))).toEqual({ kind: 'image', mime: 'image/jpeg' })
    expect(sniffImage(gif(2, 2))).toEqual({ kind: 'image', mime: 'image/gif' })
    expect(sniffImage(webp(2, 2))).toEqual({ kind: 'image', mime: 'image/webp' })
  })

  it('does not believe a name: an HTML page is unknown whatever it is called', () => {
    expect(sniffImage(htmlPage)).toEqual({ kind: 'unknown' })
  })

  it('names SVG so the refusal can say why', () => {
    expect(sniffImage(svgImage)).toEqual({ kind: 'svg' })
    expect(sniffImage(new TextEncoder().encode('\uFEFF  <svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({ kind: 'svg' })
  })

  it('asks for more bytes until it can decide, and gives up at the end of a short or empty file', () => {
    expect(sniffImage(png(2, 2).subarray(0, 5))).toEqual({ kind: 'need-more' })
    expect(sniffImage(new Uint8Array())).toEqual({ kind: 'need-more' })
    expect(sniffImage(new Uint8Array(), { complete: true })).toEqual({ kind: 'unknown' })
    expect(sniffImage(png(2, 2).subarray(0, 5), { complete: true })).toEqual({ kind: 'unknown' })
  })
})

describe('readImageDimensions', () => {
  it('reads PNG, GIF and every WebP layout', () => {
    expect(readImageDimensions('image/png', png(3, 5))).toEqual({ status: 'ok', width: 3, height: 5 })
    expect(readImageDimensions('image/gif', gif(640, 480))).toEqual({ status: 'ok', width: 640, height: 480 })
    for (const layout of ['VP8 ', 'VP8L', 'VP8X'] as const) {
      expect(readImageDimensions('image/webp', webp(1920, 1080, layout))).toEqual({ status: 'ok', width: 1920, height: 1080 })
    }
    expect(readImageDimensions('image/webp', webp(16384, 16384, 'VP8L'))).toEqual({ status: 'ok', width: 16384, height: 16384 })
  })

  it('reads JPEG baseline and progressive frames behind large metadata', () => {
    expect(readImageDimensions('image/jpeg', jpeg(4000, 3000))).toEqual({ status: 'ok', width: 4000, height: 3000 })
    expect(readImageDimensions('image/jpeg', jpeg(800, 600, { progressive: true, metadataBytes: 200_000 }))).toEqual({ status: 'ok', width: 800, height: 600 })
  })

  it('reports the displayed size of a JPEG rotated by its EXIF orientation, in either byte order', () => {
    expect(readImageDimensions('image/jpeg', jpeg(4032, 3024, { orientation: 6 }))).toEqual({ status: 'ok', width: 3024, height: 4032 })
    expect(readImageDimensions('image/jpeg', jpeg(4032, 3024, { orientation: 8, byteOrder: 'II' }))).toEqual({ status: 'ok', width: 3024, height: 4032 })
    expect(readImageDimensions('image/jpeg', jpeg(4032, 3024, { orientation: 3 }))).toEqual({ status: 'ok', width: 4032, height: 3024 })
  })

  it('asks for more while the header is cut short, at every length', () => {
    for (const [mime, bytes] of [
      ['image/png', png(3, 5)],
      ['image/jpeg', jpeg(10, 20, { orientation: 6 })],
      ['image/gif', gif(3, 5)],
      ['image/webp', webp(3, 5)],
    ] as const) {
      const full = readImageDimensions(mime, bytes)
      expect(full.status).toBe('ok')
      // Every prefix either still needs more or already has the same answer, never a wrong one.
      for (let length = 1; length < Math.min(bytes.length, 120); length++) {
        const partial = readImageDimensions(mime, bytes.subarray(0, length))
        expect([{ status: 'need-more' }, full]).toContainEqual(partial)
      }
    }
  })

  it('refuses headers that are not what their signature promises', () => {
    const broken = png(3, 5)
    broken.set(new TextEncoder().encode('IDAT'), 12)
    expect(readImageDimensions('image/png', broken)).toMatchObject({ status: 'invalid' })
    expect(readImageDimensions('image/png', pngHeader(0, 10))).toMatchObject({ status: 'invalid' })
    // A JPEG whose scan starts before any frame header.
    expect(readImageDimensions('image/jpeg', new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02]))).toMatchObject({ status: 'invalid' })
    expect(readImageDimensions('image/jpeg', new Uint8Array([0xff, 0xd8, 0x00, 0x00]))).toMatchObject({ status: 'invalid' })
  })
})

describe('isCompleteImage', () => {
  it('knows a PNG without its end chunk and a WebP shorter than its RIFF size are cut short', () => {
    const whole = png(4, 4)
    expect(isCompleteImage('image/png', { head: whole, tail: whole.subarray(-12), totalBytes: whole.length })).toBe(true)
    const cut = whole.subarray(0, whole.length - 20)
    expect(isCompleteImage('image/png', { head: cut, tail: cut.subarray(-12), totalBytes: cut.length })).toBe(false)
    const image = webp(10, 10)
    expect(isCompleteImage('image/webp', { head: image, tail: image.subarray(-12), totalBytes: image.length })).toBe(true)
    expect(isCompleteImage('image/webp', { head: image, tail: image.subarray(-12), totalBytes: image.length - 1 })).toBe(false)
  })
})
