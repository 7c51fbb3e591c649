import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { concatBytes, gif, htmlPage, jpeg, png, pngHeader, svgImage, webp } from '@/lib/media/testing/image-fixtures'
import type { ImageLimits } from './config'
import { inspectImageUpload } from './inspect-image-upload'

const limits: ImageLimits = { maxBytes: 1024 * 1024, maxPixels: 100_000_000, maxHeaderBytes: 256 * 1024 }

/** The bytes in chunks of `size`, counting how many chunks the consumer pulled. */
function chunked(bytes: Uint8Array, size: number) {
  const source = {
    pulled: 0,
    async *[Symbol.asyncIterator]() {
      for (let offset = 0; offset < bytes.length; offset += size) {
        source.pulled++
        yield bytes.subarray(offset, offset + size)
      }
    },
  }
  return source
}

/** Reads an upload the way storage would, and returns the verdict or the error code and status it failed with. */
async function inspect(bytes: Uint8Array, chunkSize = 4096, options: Partial<ImageLimits> = {}) {
  try {
    const upload = await inspectImageUpload(chunked(bytes, chunkSize), { ...limits, ...options })
    let received = 0
    for await (const chunk of upload.body) received += chunk.length
    return { ok: true as const, received, ...upload.inspected() }
  } catch (error) {
    const { code, status, userMessage } = error as { code: string; status: number; userMessage: string }
    return { ok: false as const, code, status, userMessage }
  }
}

describe('inspectImageUpload', () => {
  it('passes every byte through and reports type, size and SHA-256, however the body is chunked', async () => {
    const image = png(40, 30)
    const sha256 = createHash('sha256').update(image).digest('hex')
    for (const chunkSize of [1, 7, 100, image.length]) {
      expect(await inspect(image, chunkSize)).toEqual({ ok: true, received: image.length, mime: 'image/png', width: 40, height: 30, bytes: image.length, sha256 })
    }
    expect(await inspect(jpeg(1200, 800, { orientation: 6 }), 3)).toMatchObject({ ok: true, mime: 'image/jpeg', width: 800, height: 1200 })
    expect(await inspect(gif(5, 6))).toMatchObject({ ok: true, mime: 'image/gif', width: 5, height: 6 })
    expect(await inspect(webp(7, 8, 'VP8X'))).toMatchObject({ ok: true, mime: 'image/webp', width: 7, height: 8 })
  })

  it('refuses an HTML page whatever it is called (415)', async () => {
    expect(await inspect(htmlPage)).toMatchObject({ ok: false, status: 415, userMessage: 'That file is not a PNG, JPEG, WebP or GIF image.' })
  })

  it('refuses SVG and says why (415)', async () => {
    expect(await inspect(svgImage)).toMatchObject({ ok: false, status: 415, userMessage: expect.stringMatching(/SVG images are not accepted/) })
  })

  it('refuses an empty file (400) and a few stray bytes (415)', async () => {
    expect(await inspect(new Uint8Array())).toMatchObject({ ok: false, code: 'BAD_REQUEST', status: 400, userMessage: 'The file is empty.' })
    expect(await inspect(new Uint8Array([0x89, 0x50]))).toMatchObject({ ok: false, status: 415 })
  })

  it('refuses a PNG cut short inside its header or before its end chunk (415)', async () => {
    const image = png(20, 20)
    expect(await inspect(image.subarray(0, 20))).toMatchObject({ ok: false, status: 415, userMessage: expect.stringMatching(/ends inside the image header/) })
    expect(await inspect(image.subarray(0, image.length - 30))).toMatchObject({ ok: false, status: 415, userMessage: expect.stringMatching(/cut short/) })
  })

  it('stops a huge declared canvas at its header, before reading the rest (413)', async () => {
    const bomb = concatBytes(pngHeader(50_000, 50_000), new Uint8Array(500_000))
    const source = chunked(bomb, 1000)
    const outcome = await inspectImageUpload(source, limits).then(
      async (upload) => {
        for await (const _ of upload.body) void _
        return 'accepted'
      },
      (error: { status: number; userMessage: string }) => `${error.status} ${error.userMessage}`,
    )
    expect(outcome).toBe('413 That image is 50000 × 50000 pixels; the limit is 100 megapixels.')
    expect(source.pulled).toBe(1)
  })

  it('stops a body as soon as it passes the byte limit (413)', async () => {
    const big = concatBytes(png(10, 10), new Uint8Array(200_000))
    const source = chunked(big, 1000)
    const result = await inspectImageUpload(source, { ...limits, maxBytes: 50 * 1024 })
      .then(async (upload) => {
        for await (const _ of upload.body) void _
      })
      .catch((error: unknown) => error)
    expect(result).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', userMessage: 'That image is too large: the limit is 50 KB.' })
    expect(source.pulled).toBe(52) // 52,000 bytes is the first count past 51,200
  })

  it('gives up on a JPEG whose size is not within the header allowance', async () => {
    expect(await inspect(jpeg(10, 10, { metadataBytes: 300_000 }))).toMatchObject({ ok: false, status: 415, userMessage: expect.stringMatching(/Could not find the size/) })
    expect(await inspect(jpeg(10, 10, { metadataBytes: 300_000 }), 4096, { maxHeaderBytes: 400_000 })).toMatchObject({ ok: true, width: 10 })
  })
})
