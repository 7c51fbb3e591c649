import { createHash, randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { assets, type AssetKind, type AssetRow } from '@/db/schema'
import { getStorage } from '@/server/media/storage/get-storage'
import { assetStorageKey } from '@/server/media/storage/storage-key'

// Files made from an original (proxy, poster, filmstrip) stored as asset rows of their own, in the original's
// project and workspace and credited to whoever uploaded the original. A processing run keeps the list of what it
// stored so it can take it all back if a later step fails: a version never points at half a set.

export interface DerivedFile {
  filePath: string
  kind: AssetKind
  mime: string
  /** The stored object's name under the asset's prefix, and the row's label. */
  name: string
  width: number
  height: number
  durationFrames?: number | null
}

export interface DerivedAssetSet {
  store(file: DerivedFile): Promise<string>
  /** Removes every row and file stored so far; safe to call more than once. */
  discard(): Promise<void>
}

export function derivedAssetSet(original: AssetRow): DerivedAssetSet {
  const stored: { id: string; storageKey: string }[] = []
  return {
    async store(file) {
      const id = randomUUID()
      const storageKey = assetStorageKey({ projectId: original.projectId, assetId: id, name: file.name })
      const hash = createHash('sha256')
      // Hash the bytes on their way into storage instead of reading the file twice.
      async function* hashed(): AsyncGenerator<Uint8Array> {
        for await (const chunk of createReadStream(file.filePath) as AsyncIterable<Buffer>) {
          hash.update(chunk)
          yield chunk
        }
      }
      const storage = getStorage()
      const { size } = await storage.put(storageKey, hashed(), { contentType: file.mime })
      stored.push({ id, storageKey })
      const db = await getDb()
      await db.insert(assets).values({
        id,
        workspaceId: original.workspaceId,
        projectId: original.projectId,
        kind: file.kind,
        storageKey,
        originalName: file.name,
        mime: file.mime,
        bytes: size,
        sha256: hash.digest('hex'),
        width: file.width,
        height: file.height,
        durationFrames: file.durationFrames ?? null,
        createdBy: original.createdBy,
      })
      return id
    },
    async discard() {
      const db = await getDb()
      const storage = getStorage()
      for (const { id, storageKey } of stored.splice(0)) {
        // Hard delete: these rows were never handed to anyone, so there is no history to keep.
        await db.delete(assets).where(and(eq(assets.id, id), eq(assets.projectId, original.projectId)))
        await storage.delete(storageKey)
      }
    },
  }
}
