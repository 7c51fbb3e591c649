import { Readable } from 'node:stream'
import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import {
  assertRangeWithin,
  MediaNotFoundError,
  RangeNotSatisfiableError,
  type ByteRange,
  type MediaBody,
  type MediaRead,
  type MediaStorage,
  type StoredObjectInfo,
} from './media-storage'
import type { S3Config } from './s3-config'
import { assertValidStorageKey } from './storage-key'

// 8 MiB parts, two in flight: about 24 MiB of memory per streaming upload, and room for objects up to 78 GiB within
// S3's 10,000-part limit (MAX_UPLOAD_BYTES is 4 GiB by default).
const defaultPartSize = 8 * 1024 * 1024
const partsInFlight = 2
// Every media response streaming from S3 holds a pooled connection until the browser lets go of it (a paused player
// keeps its range open), so the SDK's default of 50 would make the 51st viewer's request wait for one to free up.
const maxConnections = 512

/**
 * Media as objects in one S3-compatible bucket, a storage key as the object key. S3 itself gives the all-or-nothing
 * writes the contract asks for: an object appears only when its PutObject or CompleteMultipartUpload succeeds, so a
 * body that fails part way is never visible and the previous object under the key stays.
 */
export class S3Storage implements MediaStorage {
  readonly kind = 's3' as const
  readonly bucket: string
  private readonly endpoint: string | undefined
  private readonly client: S3Client
  private readonly partSize: number

  constructor(config: S3Config, options: { partSize?: number } = {}) {
    this.bucket = config.bucket
    this.endpoint = config.endpoint
    this.partSize = options.partSize ?? defaultPartSize
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
      // Only the connect phase is timed: a response body may rightly sit idle while its viewer is paused.
      requestHandler: { connectionTimeout: 10_000, httpAgent: { maxSockets: maxConnections }, httpsAgent: { maxSockets: maxConnections } },
      // Since SDK 3.729 every request carries CRC32 checksums by default, which many S3-compatible servers refuse
      // (aws/aws-sdk-js-v3#6810: R2, older MinIO, Ceph). AWS keeps the default; other servers get checksums only where
      // the API requires them.
      ...(config.endpoint ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
    })
  }

  async put(key: string, body: MediaBody, options: { contentType: string }): Promise<{ size: number }> {
    assertValidStorageKey(key)
    const target = { Bucket: this.bucket, Key: key, ContentType: options.contentType }
    if (body instanceof Uint8Array) {
      await this.client.send(new PutObjectCommand({ ...target, Body: body, ContentLength: body.byteLength }))
      return { size: body.byteLength }
    }
    const source: AsyncIterable<Uint8Array> = body
    const seen: { bytes: number; bodyFailure?: { error: unknown } } = { bytes: 0 }
    // Only a failure of the body itself counts as the body's: when lib-storage gives up (S3 refused a part), Node
    // throws an AbortError in at the yield, which must not be mistaken for the caller's error.
    async function* counted(): AsyncGenerator<Uint8Array> {
      const chunks = source[Symbol.asyncIterator]()
      let ended = false
      try {
        for (;;) {
          let next: IteratorResult<Uint8Array>
          try {
            next = await chunks.next()
          } catch (error) {
            ended = true
            seen.bodyFailure = { error }
            throw error
          }
          if (next.done) {
            ended = true
            return
          }
          seen.bytes += next.value.byteLength
          yield next.value
        }
      } finally {
        // Stopped from outside: let the body release what it holds (an open file, a request).
        if (!ended) await chunks.return?.()
      }
    }
    // lib-storage sends a body shorter than one part as a single PutObject, anything longer as a multipart upload,
    // which it aborts when a part or the body fails (leavePartsOnError: false) so no parts are left to pay for.
    const upload = new Upload({
      client: this.client,
      params: { ...target, Body: Readable.from(counted()) },
      partSize: this.partSize,
      queueSize: partsInFlight,
      leavePartsOnError: false,
    })
    try {
      await upload.done()
    } catch (error) {
      if (!seen.bodyFailure) throw error
      // The caller must see the body's own failure (a size limit, a dropped client), as the contract promises. If
      // lib-storage answered with something else, most likely aborting the multipart upload failed: its parts are
      // never visible as an object, but they are stored (and billed) until a bucket lifecycle rule clears them.
      if (error !== seen.bodyFailure.error) console.warn(`[media] the multipart upload of "${key}" may not have been aborted: ${describe(error)}`)
      throw seen.bodyFailure.error
    }
    return { size: seen.bytes }
  }

  async get(key: string, options: { range?: ByteRange } = {}): Promise<MediaRead> {
    assertValidStorageKey(key)
    const range = options.range
    // Refused before asking: S3 answers an inverted or negative range with the whole object instead of an error.
    if (range && !(Number.isSafeInteger(range.start) && Number.isSafeInteger(range.end) && range.start >= 0 && range.start <= range.end)) {
      throw new RangeNotSatisfiableError(range, (await this.stat(key)).size)
    }
    let answer
    try {
      answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }))
    } catch (error) {
      if (isNoSuchKey(error)) throw new MediaNotFoundError(key)
      if (range && error instanceof S3ServiceException && error.$metadata.httpStatusCode === 416) {
        throw new RangeNotSatisfiableError(range, (await this.stat(key)).size)
      }
      throw error
    }
    const stream = answer.Body
    if (!(stream instanceof Readable)) throw new Error(`S3 returned no readable body for "${key}"`)
    if (!range) return { stream, size: answer.ContentLength ?? 0 }
    const served = parseContentRange(answer.ContentRange)
    const size = served?.size ?? answer.ContentLength ?? 0
    try {
      // S3 shortens a range that runs past the end ("bytes=0-10" of 10 bytes comes back as 0-9); the contract refuses it.
      assertRangeWithin(range, size)
      if (!served || served.start !== range.start || served.end !== range.end) {
        throw new Error(`S3 served ${answer.ContentRange ?? 'the whole object'} for "${key}" when asked for bytes ${range.start}-${range.end}`)
      }
    } catch (error) {
      stream.destroy()
      throw error
    }
    return { stream, size, contentRange: { start: range.start, end: range.end } }
  }

  async stat(key: string): Promise<StoredObjectInfo> {
    assertValidStorageKey(key)
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }))
      return { size: head.ContentLength ?? 0, modifiedAt: head.LastModified ?? new Date(0) }
    } catch (error) {
      if (!isNoSuchKey(error)) throw error
      // HEAD has no body, so a missing bucket is the same bare 404 as a missing key. Told apart here, or a misnamed or
      // deleted bucket would look like a store whose files are all gone (and pass the readiness probe). Rare: only
      // reads of missing keys pay for the second request.
      await this.assertBucketExists()
      throw new MediaNotFoundError(key)
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.stat(key)
      return true
    } catch (error) {
      if (error instanceof MediaNotFoundError) return false
      throw error
    }
  }

  async delete(key: string): Promise<void> {
    assertValidStorageKey(key)
    try {
      // S3 answers 204 for a missing key too; some compatible servers say NoSuchKey instead.
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }))
    } catch (error) {
      if (!isNoSuchKey(error)) throw error
    }
  }

  private async assertBucketExists(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }))
    } catch (error) {
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) {
        throw new Error(`The S3 bucket "${this.bucket}" (S3_BUCKET) does not exist${this.endpoint ? ` at ${this.endpoint}` : ''}`)
      }
      throw error
    }
  }

  /** Closes the client's pooled connections (tests, scripts); the app keeps one store for the life of the process. */
  destroy(): void {
    this.client.destroy()
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}

// GET says NoSuchKey; HEAD has no body, so a missing key is a bare 404 "NotFound" there (stat tells the bucket apart).
function isNoSuchKey(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === 'NoSuchKey' || (error.name === 'NotFound' && error.$metadata.httpStatusCode === 404))
}

/** "bytes 2-5/10" → { start: 2, end: 5, size: 10 }; null for anything else (no header, or an unknown size "*"). */
function parseContentRange(header: string | undefined): (ByteRange & { size: number }) | null {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header?.trim() ?? '')
  if (!match) return null
  return { start: Number(match[1]), end: Number(match[2]), size: Number(match[3]) }
}
