import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { text } from 'node:stream/consumers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LocalDiskStorage } from './local-disk-storage'
import { InvalidStorageKeyError } from './media-storage'
import { describeStorageContract } from './testing/storage-contract'

const tempFolder = () => fs.mkdtemp(path.join(os.tmpdir(), 'storyreel-media-'))
const bytes = (value: string) => new TextEncoder().encode(value)

describeStorageContract('LocalDiskStorage', async () => {
  const root = await tempFolder()
  return { storage: new LocalDiskStorage(path.join(root, 'media')), cleanup: () => fs.rm(root, { recursive: true, force: true }) }
})

describe('LocalDiskStorage on disk', () => {
  let base: string
  let root: string
  let outside: string
  let storage: LocalDiskStorage
  beforeEach(async () => {
    base = await tempFolder()
    root = path.join(base, 'media')
    outside = path.join(base, 'outside')
    await fs.mkdir(outside)
    await fs.writeFile(path.join(outside, 'secret.txt'), 'not yours')
    storage = new LocalDiskStorage(root)
  })
  afterEach(() => fs.rm(base, { recursive: true, force: true }))

  it('keeps a key as nested folders under the root', async () => {
    await storage.put('projects/p1/a1/original', bytes('png'), { contentType: 'image/png' })
    expect(await fs.readFile(path.join(root, 'projects', 'p1', 'a1', 'original'), 'utf8')).toBe('png')
  })

  it('shows nothing under the key until the whole body is written', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    let started!: () => void
    const writing = new Promise<void>((resolve) => (started = resolve))
    async function* slowBody() {
      yield bytes('first half ')
      started()
      await gate
      yield bytes('second half')
    }
    const put = storage.put('projects/p/a/original', slowBody(), { contentType: 'text/plain' })
    await writing
    expect(await storage.exists('projects/p/a/original')).toBe(false)
    release()
    await put
    expect(await text((await storage.get('projects/p/a/original')).stream)).toBe('first half second half')
  })

  it('removes its temporary file when a body fails', async () => {
    async function* failing() {
      yield bytes('partial')
      throw new Error('too large')
    }
    await expect(storage.put('projects/p/a/original', failing(), { contentType: 'text/plain' })).rejects.toThrow('too large')
    expect(await fs.readdir(path.join(root, '.tmp'))).toEqual([])
    await expect(fs.stat(path.join(root, 'projects'))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('will not follow a symlinked folder out of the root, for reads or writes', async () => {
    await fs.mkdir(path.join(root, 'projects'), { recursive: true })
    await fs.symlink(outside, path.join(root, 'projects', 'escape'))
    await expect(storage.get('projects/escape/secret.txt')).rejects.toBeInstanceOf(InvalidStorageKeyError)
    await expect(storage.exists('projects/escape/secret.txt')).rejects.toBeInstanceOf(InvalidStorageKeyError)
    await expect(storage.put('projects/escape/new/original', bytes('x'), { contentType: 'text/plain' })).rejects.toBeInstanceOf(InvalidStorageKeyError)
    await expect(storage.delete('projects/escape/secret.txt')).rejects.toBeInstanceOf(InvalidStorageKeyError)
    expect(await fs.readdir(outside)).toEqual(['secret.txt'])
    expect(await fs.readdir(path.join(root, '.tmp'))).toEqual([])
  })

  it('will not read a file symlink that points outside, and deleting it removes only the link', async () => {
    await fs.mkdir(path.join(root, 'projects', 'p'), { recursive: true })
    const link = path.join(root, 'projects', 'p', 'leak')
    await fs.symlink(path.join(outside, 'secret.txt'), link)
    await expect(storage.get('projects/p/leak')).rejects.toBeInstanceOf(InvalidStorageKeyError)
    await expect(storage.stat('projects/p/leak')).rejects.toBeInstanceOf(InvalidStorageKeyError)
    await storage.delete('projects/p/leak')
    await expect(fs.lstat(link)).rejects.toMatchObject({ code: 'ENOENT' })
    expect(await fs.readFile(path.join(outside, 'secret.txt'), 'utf8')).toBe('not yours')
  })

  it('writing over a symlinked key replaces the link instead of writing through it', async () => {
    await fs.mkdir(path.join(root, 'projects', 'p'), { recursive: true })
    await fs.symlink(path.join(outside, 'secret.txt'), path.join(root, 'projects', 'p', 'original'))
    await storage.put('projects/p/original', bytes('ours'), { contentType: 'text/plain' })
    expect(await fs.readFile(path.join(outside, 'secret.txt'), 'utf8')).toBe('not yours')
    expect(await text((await storage.get('projects/p/original')).stream)).toBe('ours')
  })

  it('works when the root itself is a symlink to another disk', async () => {
    const elsewhere = path.join(base, 'real-media')
    await fs.mkdir(elsewhere)
    await fs.symlink(elsewhere, path.join(base, 'linked-media'))
    const linked = new LocalDiskStorage(path.join(base, 'linked-media'))
    await linked.put('projects/p/a/original', bytes('ok'), { contentType: 'text/plain' })
    expect(await text((await linked.get('projects/p/a/original')).stream)).toBe('ok')
    expect(await fs.readFile(path.join(elsewhere, 'projects', 'p', 'a', 'original'), 'utf8')).toBe('ok')
  })
})
