// The behaviour every MediaStorage must have, as a suite that takes a factory: local disk and S3 (on s3rver, and on
// TEST_S3_ENDPOINT when set) both run it. Test-only; production code never imports this file.
import { text } from 'node:stream/consumers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InvalidStorageKeyError, MediaNotFoundError, RangeNotSatisfiableError, type MediaStorage } from '../media-storage'

export interface StorageUnderTest {
  storage: MediaStorage
  cleanup: () => Promise<void>
}

const bytes = (value: string) => new TextEncoder().encode(value)

async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield bytes(part)
}

async function* failingAfter(part: string, error: Error): AsyncGenerator<Uint8Array> {
  yield bytes(part)
  throw error
}

export const traversalKeys = [
  '',
  '/etc/passwd',
  '../outside',
  'projects/../../outside',
  'projects/./x',
  'projects//x',
  'projects/x/',
  'projects\\..\\x',
  'projects/x\0.png',
  '.tmp/x',
  'projects/.hidden',
  'C:/x',
  `projects/${'a'.repeat(600)}`,
]

export function describeStorageContract(name: string, create: () => Promise<StorageUnderTest>): void {
  describe(`MediaStorage contract: ${name}`, () => {
    let subject: StorageUnderTest
    let storage: MediaStorage
    let n = 0
    const freshKey = () => `projects/contract/${Date.now().toString(36)}-${n++}/original`

    beforeAll(async () => {
      subject = await create()
      storage = subject.storage
    })
    afterAll(() => subject.cleanup())

    it('stores a buffer or a stream and reads it back whole', async () => {
      const a = freshKey()
      const b = freshKey()
      expect(await storage.put(a, bytes('hello world'), { contentType: 'text/plain' })).toEqual({ size: 11 })
      expect(await storage.put(b, chunks('hello', ' ', 'stream'), { contentType: 'text/plain' })).toEqual({ size: 12 })
      const read = await storage.get(a)
      expect(read.size).toBe(11)
      expect(read.contentRange).toBeUndefined()
      expect(await text(read.stream)).toBe('hello world')
      expect(await text((await storage.get(b)).stream)).toBe('hello stream')
      expect(await storage.stat(b)).toMatchObject({ size: 12 })
      expect(await storage.exists(a)).toBe(true)
    })

    it('replaces an object put twice under one key', async () => {
      const key = freshKey()
      await storage.put(key, bytes('first version'), { contentType: 'text/plain' })
      await storage.put(key, bytes('second'), { contentType: 'text/plain' })
      expect(await text((await storage.get(key)).stream)).toBe('second')
    })

    it('reads inclusive byte ranges and refuses ranges outside the object', async () => {
      const key = freshKey()
      await storage.put(key, bytes('0123456789'), { contentType: 'text/plain' })
      const middle = await storage.get(key, { range: { start: 2, end: 5 } })
      expect(middle).toMatchObject({ size: 10, contentRange: { start: 2, end: 5 } })
      expect(await text(middle.stream)).toBe('2345')
      expect(await text((await storage.get(key, { range: { start: 9, end: 9 } })).stream)).toBe('9')
      for (const range of [{ start: 10, end: 10 }, { start: 5, end: 2 }, { start: 0, end: 10 }, { start: -1, end: 3 }]) {
        await expect(storage.get(key, { range })).rejects.toBeInstanceOf(RangeNotSatisfiableError)
      }
    })

    it('deletes, and deleting again or deleting a missing key is fine', async () => {
      const key = freshKey()
      await storage.put(key, bytes('x'), { contentType: 'text/plain' })
      await storage.delete(key)
      await storage.delete(key)
      expect(await storage.exists(key)).toBe(false)
      await expect(storage.get(key)).rejects.toBeInstanceOf(MediaNotFoundError)
      await expect(storage.stat(key)).rejects.toBeInstanceOf(MediaNotFoundError)
    })

    it('treats a prefix of stored keys as missing, not as an object', async () => {
      const key = freshKey()
      await storage.put(key, bytes('x'), { contentType: 'text/plain' })
      const prefix = key.slice(0, key.lastIndexOf('/'))
      expect(await storage.exists(prefix)).toBe(false)
      await expect(storage.get(prefix)).rejects.toBeInstanceOf(MediaNotFoundError)
    })

    it('leaves nothing under the key when the body fails part way, and rethrows that failure', async () => {
      const key = freshKey()
      const cause = new Error('client went away')
      await expect(storage.put(key, failingAfter('partial', cause), { contentType: 'text/plain' })).rejects.toBe(cause)
      expect(await storage.exists(key)).toBe(false)
      // A failed replacement keeps the old object.
      await storage.put(key, bytes('kept'), { contentType: 'text/plain' })
      await expect(storage.put(key, failingAfter('new', cause), { contentType: 'text/plain' })).rejects.toBe(cause)
      expect(await text((await storage.get(key)).stream)).toBe('kept')
    })

    it('refuses keys that are malformed or try to leave the store, for every operation', async () => {
      for (const key of traversalKeys) {
        await expect(storage.put(key, bytes('x'), { contentType: 'text/plain' }), JSON.stringify(key)).rejects.toBeInstanceOf(InvalidStorageKeyError)
        await expect(storage.get(key), JSON.stringify(key)).rejects.toBeInstanceOf(InvalidStorageKeyError)
        await expect(storage.stat(key)).rejects.toBeInstanceOf(InvalidStorageKeyError)
        await expect(storage.exists(key)).rejects.toBeInstanceOf(InvalidStorageKeyError)
        await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError)
      }
    })
  })
}
