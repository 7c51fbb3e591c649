// Test-only helpers for the asset tests: a throw-away media folder installed as the process's storage, and a look
// at what it holds. Production code never imports this file.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { setStorage } from '@/server/media/storage/get-storage'
import { LocalDiskStorage } from '@/server/media/storage/local-disk-storage'

export async function useTemporaryMediaStorage(): Promise<{ storage: LocalDiskStorage; root: string; cleanup: () => Promise<void> }> {
  const base = await fs.mkdtemp(path.join(os.tmpdir(), 'storyreel-assets-'))
  const root = path.join(base, 'media')
  const storage = new LocalDiskStorage(root)
  setStorage(storage)
  return { storage, root, cleanup: () => fs.rm(base, { recursive: true, force: true }) }
}

/** Every file under the folder (temporary files included), as paths relative to it. */
export async function filesUnder(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
}

export async function* chunksOf(bytes: Uint8Array, size = 16 * 1024): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size)
}
