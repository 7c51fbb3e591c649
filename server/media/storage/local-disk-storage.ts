import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import {
  assertRangeWithin,
  InvalidStorageKeyError,
  MediaNotFoundError,
  type ByteRange,
  type MediaBody,
  type MediaRead,
  type MediaStorage,
  type StoredObjectInfo,
} from './media-storage'
import { assertValidStorageKey } from './storage-key'

/**
 * Media as files under one folder (by default STORYREEL_DATA_DIR/media), a key's segments as sub-folders.
 * Writes land in <root>/.tmp first and are renamed into place only when complete and flushed to disk, so a crash or
 * a refused upload never leaves a half file under a real key (at worst a stray file in .tmp).
 * Every path is checked after resolving symlinks, so a link inside the folder cannot lead a key outside it.
 */
export class LocalDiskStorage implements MediaStorage {
  readonly kind = 'local' as const
  readonly root: string
  private realRootPromise: Promise<string> | null = null

  constructor(root: string) {
    this.root = path.resolve(root)
  }

  async put(key: string, body: MediaBody, _options: { contentType: string }): Promise<{ size: number }> {
    const target = this.pathFor(key)
    const tempDir = path.join(this.root, '.tmp')
    await fs.mkdir(tempDir, { recursive: true })
    const temp = path.join(tempDir, `${randomUUID()}.part`)
    try {
      await pipeline(body instanceof Uint8Array ? [body] : body, createWriteStream(temp, { flags: 'wx' }))
      const size = await flushToDisk(temp)
      const parent = path.dirname(target)
      // Check before creating folders (mkdir would follow a symlinked ancestor) and after (nothing swapped in).
      await this.assertInsideRoot(await deepestExistingAncestor(parent), key)
      await fs.mkdir(parent, { recursive: true })
      await this.assertInsideRoot(await fs.realpath(parent), key)
      // rename replaces a symlink at the target itself rather than writing through it.
      await fs.rename(temp, target)
      return { size }
    } catch (error) {
      await fs.rm(temp, { force: true })
      throw error
    }
  }

  async get(key: string, options: { range?: ByteRange } = {}): Promise<MediaRead> {
    const file = await this.openFile(key)
    try {
      const { size } = await file.stat()
      assertRangeWithin(options.range, size)
      const range = options.range
      // The stream owns the handle from here and closes it when it ends, fails or is destroyed.
      const stream = file.createReadStream(range ? { start: range.start, end: range.end } : {})
      return range ? { stream, size, contentRange: { start: range.start, end: range.end } } : { stream, size }
    } catch (error) {
      await file.close()
      throw error
    }
  }

  async stat(key: string): Promise<StoredObjectInfo> {
    const file = await this.resolveExisting(key)
    const info = file ? await fs.stat(file) : null
    if (!info?.isFile()) throw new MediaNotFoundError(key)
    return { size: info.size, modifiedAt: info.mtime }
  }

  async exists(key: string): Promise<boolean> {
    const file = await this.resolveExisting(key)
    return file !== null && (await fs.stat(file)).isFile()
  }

  async delete(key: string): Promise<void> {
    const target = this.pathFor(key)
    // Resolve the folder, not the file: if the key itself is a symlink, the link goes, never what it points to.
    let parent: string
    try {
      parent = await fs.realpath(path.dirname(target))
    } catch (error) {
      if (isMissing(error)) return
      throw error
    }
    await this.assertInsideRoot(parent, key)
    await fs.rm(path.join(parent, path.basename(target)), { force: true })
  }

  private pathFor(key: string): string {
    assertValidStorageKey(key)
    return path.join(this.root, ...key.split('/'))
  }

  private async openFile(key: string): Promise<fs.FileHandle> {
    const file = await this.resolveExisting(key)
    if (!file) throw new MediaNotFoundError(key)
    try {
      const handle = await fs.open(file, 'r')
      if ((await handle.stat()).isFile()) return handle
      await handle.close()
    } catch (error) {
      if (!isMissing(error)) throw error
    }
    throw new MediaNotFoundError(key)
  }

  /** The real path of the key's file, or null if there is none; throws if it resolves outside the root. */
  private async resolveExisting(key: string): Promise<string | null> {
    const candidate = this.pathFor(key)
    let real: string
    try {
      real = await fs.realpath(candidate)
    } catch (error) {
      if (isMissing(error)) return null
      throw error
    }
    await this.assertInsideRoot(real, key)
    return real
  }

  private async assertInsideRoot(realPath: string, key: string): Promise<void> {
    // The root itself may be a symlink (a data folder on another disk); compare against where it really is.
    this.realRootPromise ??= fs.mkdir(this.root, { recursive: true }).then(() => fs.realpath(this.root))
    const realRoot = await this.realRootPromise
    const relative = path.relative(realRoot, realPath)
    // '' is the root itself: a valid parent folder, and never a file, so reads of it find nothing.
    if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
      throw new InvalidStorageKeyError(`Storage key ${JSON.stringify(key)} resolves outside the media folder`)
    }
  }
}

/** fsync before rename: without it a power cut can leave an empty file under the final name on some filesystems. */
async function flushToDisk(file: string): Promise<number> {
  const handle = await fs.open(file, 'r+')
  try {
    await handle.sync()
    return (await handle.stat()).size
  } finally {
    await handle.close()
  }
}

async function deepestExistingAncestor(folder: string): Promise<string> {
  for (let current = folder; ; current = path.dirname(current)) {
    try {
      return await fs.realpath(current)
    } catch (error) {
      if (!isMissing(error) || path.dirname(current) === current) throw error
    }
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code
  return code === 'ENOENT' || code === 'ENOTDIR'
}
