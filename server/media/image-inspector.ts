import { createHash } from 'node:crypto'
import { AppError } from '@/lib/errors'
import { UnsupportedMediaTypeError } from '@/lib/media/errors'
import { readImageDimensions } from '@/lib/media/image-dimensions'
import { isCompleteImage, trailerBytes } from '@/lib/media/image-trailer'
import { acceptedImageList, type ImageMime } from '@/lib/media/image-types'
import { sniffImage } from '@/lib/media/sniff-image'
import { formatBytes, type ImageLimits } from './config'

export interface InspectedImage {
  mime: ImageMime
  width: number
  height: number
  bytes: number
  /** Hex SHA-256 of every byte. */
  sha256: string
}

const formatNames: Record<ImageMime, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP', 'image/gif': 'GIF' }

/**
 * Watches an image upload chunk by chunk, so a bad one is stopped as early as its bytes allow: the size limit as soon
 * as it is passed, the type from the first bytes, the pixel limit as soon as the header has arrived. It hashes as it
 * goes, so nothing is read twice. inspect() and finish() throw the AppError the uploader should see.
 */
export class ImageInspector {
  private head: Uint8Array = new Uint8Array(0)
  private tail: Uint8Array = new Uint8Array(0)
  private bytes = 0
  private readonly hash = createHash('sha256')
  private sniffed: ImageMime | null = null
  private size: { width: number; height: number } | null = null
  private result: InspectedImage | null = null

  constructor(private readonly limits: ImageLimits) {}

  /** The type, once the first bytes have decided it. */
  get mime(): ImageMime | null {
    return this.sniffed
  }

  inspect(chunk: Uint8Array): void {
    if (this.result) throw new Error('ImageInspector: inspect() after finish()')
    this.bytes += chunk.length
    if (this.bytes > this.limits.maxBytes) {
      throw new AppError('PAYLOAD_TOO_LARGE', {
        userMessage: `That image is too large: the limit is ${formatBytes(this.limits.maxBytes)}.`,
        details: { maxBytes: this.limits.maxBytes },
      })
    }
    this.hash.update(chunk)
    this.tail = lastBytes(this.tail, chunk, trailerBytes)
    if (this.size) return
    if (this.head.length < this.limits.maxHeaderBytes) {
      this.head = concat(this.head, chunk.subarray(0, this.limits.maxHeaderBytes - this.head.length))
    }
    this.examineHead({ atEnd: false })
  }

  /** Call once the body has ended. Idempotent. */
  finish(): InspectedImage {
    if (this.result) return this.result
    if (this.bytes === 0) throw new AppError('BAD_REQUEST', { userMessage: 'The file is empty.' })
    this.examineHead({ atEnd: true })
    const mime = this.sniffed
    const size = this.size
    if (!mime || !size) throw new Error('ImageInspector: header examined without a verdict')
    if (!isCompleteImage(mime, { head: this.head, tail: this.tail, totalBytes: this.bytes })) {
      throw new UnsupportedMediaTypeError(`That ${formatNames[mime]} file is cut short: it ends before the image does.`)
    }
    this.result = { mime, ...size, bytes: this.bytes, sha256: this.hash.digest('hex') }
    return this.result
  }

  private examineHead({ atEnd }: { atEnd: boolean }): void {
    if (!this.sniffed) {
      const sniff = sniffImage(this.head, { complete: atEnd })
      if (sniff.kind === 'need-more') return
      if (sniff.kind === 'svg') {
        throw new UnsupportedMediaTypeError(`SVG images are not accepted (they can carry scripts). Upload a ${acceptedImageList} instead.`)
      }
      if (sniff.kind === 'unknown') {
        throw new UnsupportedMediaTypeError(`That file is not a ${acceptedImageList} image.`)
      }
      this.sniffed = sniff.mime
    }
    if (this.size) return
    const format = formatNames[this.sniffed]
    const dimensions = readImageDimensions(this.sniffed, this.head)
    if (dimensions.status === 'invalid') {
      throw new UnsupportedMediaTypeError(`That file starts like a ${format} image but its header is damaged (${dimensions.reason}).`)
    }
    if (dimensions.status === 'need-more') {
      if (atEnd) throw new UnsupportedMediaTypeError(`That ${format} file is cut short: it ends inside the image header.`)
      if (this.head.length >= this.limits.maxHeaderBytes) {
        throw new UnsupportedMediaTypeError(`Could not find the size of that ${format} image in its first ${formatBytes(this.limits.maxHeaderBytes)}.`)
      }
      return
    }
    const { width, height } = dimensions
    if (width * height > this.limits.maxPixels) {
      throw new AppError('PAYLOAD_TOO_LARGE', {
        userMessage: `That image is ${width} × ${height} pixels; the limit is ${Math.round(this.limits.maxPixels / 1_000_000)} megapixels.`,
        details: { width, height, maxPixels: this.limits.maxPixels },
      })
    }
    this.size = { width, height }
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}

function lastBytes(previous: Uint8Array, chunk: Uint8Array, count: number): Uint8Array {
  if (chunk.length >= count) return chunk.slice(chunk.length - count)
  const joined = concat(previous, chunk)
  return joined.slice(Math.max(0, joined.length - count))
}
