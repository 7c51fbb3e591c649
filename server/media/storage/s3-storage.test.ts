import { createHash } from 'node:crypto'
import type { Readable } from 'node:stream'
import { buffer, text } from 'node:stream/consumers'
import { DeleteBucketCommand, DeleteObjectCommand, ListMultipartUploadsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { MediaNotFoundError, RangeNotSatisfiableError } from './media-storage'
import type { S3Config } from './s3-config'
import { S3Storage } from './s3-storage'
import { describeStorageContract } from './testing/storage-contract'
import { createTestBucket, startS3rver } from './testing/start-s3rver'

// S3Storage against s3rver (always) and, when TEST_S3_ENDPOINT is set, against that server too (e.g. MinIO:
// TEST_S3_ENDPOINT=http://127.0.0.1:9000 TEST_S3_ACCESS_KEY_ID=minioadmin TEST_S3_SECRET_ACCESS_KEY=minioadmin).

interface Target {
  name: string
  /** s3rver does not implement ListMultipartUploads or AbortMultipartUpload; a real server must have neither left. */
  listsMultipartUploads: boolean
  start(): Promise<{ config: S3Config; stop: () => Promise<void> }>
}

const targets: Target[] = [
  {
    name: 's3rver',
    listsMultipartUploads: false,
    async start() {
      const server = await startS3rver()
      return { config: await server.createBucket(), stop: () => server.close() }
    },
  },
]
const external = process.env.TEST_S3_ENDPOINT
if (external) {
  targets.push({
    name: external,
    listsMultipartUploads: true,
    async start() {
      const config = await createTestBucket({
        endpoint: external,
        region: process.env.TEST_S3_REGION,
        credentials: { accessKeyId: process.env.TEST_S3_ACCESS_KEY_ID ?? '', secretAccessKey: process.env.TEST_S3_SECRET_ACCESS_KEY ?? '' },
      })
      return { config, stop: () => emptyAndDeleteBucket(config) }
    },
  })
}

const bytes = (value: string) => new TextEncoder().encode(value)
const MiB = 1024 * 1024

/** size bytes of a repeating pattern, in 64 KiB chunks, so no part boundary falls on a chunk boundary by accident. */
async function* patterned(size: number, failAfter?: { bytes: number; error: Error }): AsyncGenerator<Uint8Array> {
  const chunk = 64 * 1024 + 7
  for (let offset = 0; offset < size; offset += chunk) {
    if (failAfter && offset >= failAfter.bytes) throw failAfter.error
    yield patternAt(offset, Math.min(chunk, size - offset))
  }
}
function patternAt(offset: number, length: number): Uint8Array {
  const out = new Uint8Array(length)
  for (let i = 0; i < length; i++) out[i] = (offset + i) % 251
  return out
}

for (const target of targets) {
  describeStorageContract(`S3Storage on ${target.name}`, async () => {
    const { config, stop } = await target.start()
    const storage = new S3Storage(config)
    return {
      storage,
      cleanup: async () => {
        storage.destroy()
        await stop()
      },
    }
  })

  describe(`S3Storage on ${target.name}`, () => {
    let config: S3Config
    let stop: () => Promise<void>
    let storage: S3Storage
    let n = 0
    const freshKey = () => `projects/s3/${Date.now().toString(36)}-${n++}/original`

    beforeAll(async () => {
      ;({ config, stop } = await target.start())
      storage = new S3Storage(config)
    })
    afterAll(async () => {
      storage.destroy()
      await stop()
    })

    it('reads a range as exactly those bytes, with the whole size beside it', async () => {
      const key = freshKey()
      await storage.put(key, bytes('0123456789'), { contentType: 'text/plain' })
      const read = await storage.get(key, { range: { start: 3, end: 7 } })
      expect(read).toMatchObject({ size: 10, contentRange: { start: 3, end: 7 } })
      expect(await text(read.stream)).toBe('34567')
    })

    it('refuses a range S3 would shorten or reject (the route answers 416), naming the real size', async () => {
      const key = freshKey()
      await storage.put(key, bytes('0123456789'), { contentType: 'text/plain' })
      // S3 itself answers 416 only when the start is past the end; a long end it quietly cuts short.
      for (const range of [{ start: 10, end: 12 }, { start: 4, end: 10 }, { start: 3, end: 1 }]) {
        const refused = await storage.get(key, { range }).catch((error: unknown) => error)
        expect(refused).toBeInstanceOf(RangeNotSatisfiableError)
        expect(refused).toMatchObject({ range, size: 10 })
      }
      const empty = freshKey()
      await storage.put(empty, new Uint8Array(0), { contentType: 'text/plain' })
      await expect(storage.get(empty, { range: { start: 0, end: 0 } })).rejects.toBeInstanceOf(RangeNotSatisfiableError)
      expect(await text((await storage.get(empty)).stream)).toBe('')
    })

    it('says a missing key is missing for every read, and deleting it is fine', async () => {
      const key = freshKey()
      await expect(storage.get(key)).rejects.toBeInstanceOf(MediaNotFoundError)
      await expect(storage.get(key, { range: { start: 0, end: 1 } })).rejects.toBeInstanceOf(MediaNotFoundError)
      await expect(storage.get(key, { range: { start: 5, end: 1 } })).rejects.toBeInstanceOf(MediaNotFoundError)
      await expect(storage.stat(key)).rejects.toBeInstanceOf(MediaNotFoundError)
      expect(await storage.exists(key)).toBe(false)
      await storage.delete(key)
    })

    it('keeps answering while many viewers hold media streams open', async () => {
      const key = freshKey()
      await storage.put(key, bytes('a frame of video'), { contentType: 'video/mp4' })
      // A paused player holds its response, and so one pooled connection, until the browser lets go.
      const held: Readable[] = []
      const opened = Promise.all(Array.from({ length: 64 }, () => storage.get(key, { range: { start: 0, end: 4 } }).then((read) => held.push(read.stream))))
      try {
        // The SDK's default pool is 50 connections: the rest would wait for the server to drop idle ones (s3rver: 5 s).
        const answered = await Promise.race([opened.then(() => storage.stat(key)), new Promise((resolve) => setTimeout(resolve, 4_000, 'still waiting for a connection'))])
        expect(answered).toMatchObject({ size: 16 })
      } finally {
        await opened
        for (const stream of held) stream.destroy()
      }
    })

    it('reports a missing bucket as a broken configuration, not as missing files', async () => {
      const misnamed = new S3Storage({ ...config, bucket: `${config.bucket}-typo` })
      try {
        await expect(misnamed.stat('projects/p/a/original')).rejects.toThrow(/S3 bucket ".+-typo" \(S3_BUCKET\) does not exist/)
        await expect(misnamed.exists('projects/p/a/original')).rejects.toThrow(/does not exist/)
        const read = await misnamed.get('projects/p/a/original').catch((error: unknown) => error)
        expect(read).not.toBeInstanceOf(MediaNotFoundError)
        expect(read).toMatchObject({ name: 'NoSuchBucket' })
        // S3 refuses the upload after its first part was read: the rest of the body is released, not left open.
        let released = false
        async function* body() {
          try {
            yield* patterned(20 * MiB)
          } finally {
            released = true
          }
        }
        await expect(misnamed.put('projects/p/a/original', body(), { contentType: 'video/mp4' })).rejects.toMatchObject({ name: 'NoSuchBucket' })
        await expect.poll(() => released).toBe(true)
      } finally {
        misnamed.destroy()
      }
    })

    it('streams a body longer than a part as a multipart upload and reads it back, ranges across a part boundary too', async () => {
      const key = freshKey()
      const size = 12 * MiB + 5
      const expected = createHash('sha256')
      for await (const chunk of patterned(size)) expected.update(chunk)
      expect(await storage.put(key, patterned(size), { contentType: 'video/mp4' })).toEqual({ size })
      expect(await storage.stat(key)).toMatchObject({ size })
      const actual = createHash('sha256')
      for await (const chunk of (await storage.get(key)).stream as AsyncIterable<Buffer>) actual.update(chunk)
      expect(actual.digest('hex')).toBe(expected.digest('hex'))
      // The default part is 8 MiB: this range spans the first two parts.
      const boundary = { start: 8 * MiB - 3, end: 8 * MiB + 2 }
      const read = await storage.get(key, { range: boundary })
      expect(new Uint8Array(await buffer(read.stream))).toEqual(patternAt(boundary.start, 6))
    })

    it('leaves nothing under the key when a body fails after its first part was sent, and keeps the old object', async () => {
      const key = freshKey()
      const cause = new Error('upload cut off at the size limit')
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
      await expect(storage.put(key, patterned(20 * MiB, { bytes: 10 * MiB, error: cause }), { contentType: 'video/mp4' })).rejects.toBe(cause)
      expect(await storage.exists(key)).toBe(false)
      await storage.put(key, bytes('kept'), { contentType: 'text/plain' })
      await expect(storage.put(key, patterned(20 * MiB, { bytes: 10 * MiB, error: cause }), { contentType: 'video/mp4' })).rejects.toBe(cause)
      expect(await text((await storage.get(key)).stream)).toBe('kept')
      if (target.listsMultipartUploads) {
        expect(await pendingUploads(config)).toEqual([])
        expect(warn).not.toHaveBeenCalled()
      } else {
        // s3rver refuses AbortMultipartUpload: the warning shows the abort was asked for, and the body's error still won.
        expect(warn).toHaveBeenCalledWith(expect.stringMatching(/the multipart upload of ".+" may not have been aborted: MethodNotAllowed/))
      }
      warn.mockRestore()
    })
  })
}

async function pendingUploads(config: S3Config): Promise<string[]> {
  const client = new S3Client({ ...config, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' })
  try {
    const listed = await client.send(new ListMultipartUploadsCommand({ Bucket: config.bucket }))
    return (listed.Uploads ?? []).map((upload) => upload.Key ?? '')
  } finally {
    client.destroy()
  }
}

async function emptyAndDeleteBucket(config: S3Config): Promise<void> {
  const client = new S3Client({ ...config, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' })
  try {
    for (;;) {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: config.bucket }))
      const keys = (listed.Contents ?? []).map((object) => object.Key).filter((key): key is string => Boolean(key))
      if (keys.length === 0) break
      for (const Key of keys) await client.send(new DeleteObjectCommand({ Bucket: config.bucket, Key }))
    }
    await client.send(new DeleteBucketCommand({ Bucket: config.bucket }))
  } finally {
    client.destroy()
  }
}
