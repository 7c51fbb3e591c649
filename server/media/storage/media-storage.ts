import type { Readable } from 'node:stream'

// Where uploaded and generated media live. Keys are made by the server (storage-key.ts), never taken from a client.
// Local disk (local-disk-storage.ts) or an S3-compatible bucket (s3-storage.ts), both held to testing/storage-contract.ts.

/** A whole body in memory, or a stream of chunks (a request body, a generator that checks bytes as they pass). */
export type MediaBody = Uint8Array | AsyncIterable<Uint8Array>

/** Inclusive byte offsets, as in HTTP's Content-Range. */
export interface ByteRange {
  start: number
  end: number
}

export interface StoredObjectInfo {
  size: number
  modifiedAt: Date
}

export interface MediaRead {
  stream: Readable
  /** Size of the whole object, not of the range. */
  size: number
  /** Present when a range was asked for: the bytes the stream carries. */
  contentRange?: ByteRange
}

export interface MediaStorage {
  readonly kind: 'local' | 's3'
  /**
   * Stores the body under key, replacing what was there. All or nothing: if the body fails part way (a size limit,
   * a bad header, a dropped connection) the error is rethrown as it was and nothing appears under the key.
   */
  put(key: string, body: MediaBody, options: { contentType: string }): Promise<{ size: number }>
  /** Throws MediaNotFoundError, or RangeNotSatisfiableError for a range outside the object. */
  get(key: string, options?: { range?: ByteRange }): Promise<MediaRead>
  /** Throws MediaNotFoundError. */
  stat(key: string): Promise<StoredObjectInfo>
  /** Idempotent: deleting a missing key is not an error. */
  delete(key: string): Promise<void>
  exists(key: string): Promise<boolean>
}

export class MediaNotFoundError extends Error {
  override name = 'MediaNotFoundError'
  constructor(key: string) {
    super(`No stored media under "${key}"`)
  }
}

/** A key that is malformed or would reach outside the storage root. Always a bug or an attack, never user error. */
export class InvalidStorageKeyError extends Error {
  override name = 'InvalidStorageKeyError'
}

export class RangeNotSatisfiableError extends Error {
  override name = 'RangeNotSatisfiableError'
  constructor(
    readonly range: ByteRange,
    readonly size: number,
  ) {
    super(`Range ${range.start}-${range.end} is outside an object of ${size} bytes`)
  }
}

export function assertRangeWithin(range: ByteRange | undefined, size: number): void {
  if (!range) return
  const valid = Number.isSafeInteger(range.start) && Number.isSafeInteger(range.end) && range.start >= 0 && range.start <= range.end && range.end < size
  if (!valid) throw new RangeNotSatisfiableError(range, size)
}
