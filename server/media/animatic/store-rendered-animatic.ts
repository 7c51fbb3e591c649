import { createHash, randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { assets } from '@/db/schema'
import type { ProvenanceDetails } from '@/lib/provenance/vocabulary'
import { getStorage } from '@/server/media/storage/get-storage'
import { assetStorageKey } from '@/server/media/storage/storage-key'
import { insertAssetWithProvenance } from '@/server/services/provenance/insert-asset-with-provenance'

// A finished render becomes a video asset of its project, credited to whoever asked for it, with its ledger row in
// the same transaction (so no render is missing from the disclosure report). It can be taken back (rows and file)
// when a later step fails, so nothing points at a half-recorded render.

export interface RenderedFile {
  filePath: string
  projectId: string
  workspaceId: string
  createdBy: string
  name: string
  width: number
  height: number
  durationFrames: number
  /** What the render is made of, for the ledger: its origin, and the panel pictures it was drawn from as parents. */
  provenance: ProvenanceDetails
}

export interface StoredAnimatic {
  assetId: string
  discard(): Promise<void>
}

export async function storeRenderedAnimatic(file: RenderedFile): Promise<StoredAnimatic> {
  const assetId = randomUUID()
  const storageKey = assetStorageKey({ projectId: file.projectId, assetId, name: file.name })
  const hash = createHash('sha256')
  async function* hashed(): AsyncGenerator<Uint8Array> {
    for await (const chunk of createReadStream(file.filePath) as AsyncIterable<Buffer>) {
      hash.update(chunk)
      yield chunk
    }
  }
  const storage = getStorage()
  const { size } = await storage.put(storageKey, hashed(), { contentType: 'video/mp4' })
  const db = await getDb()
  try {
    await db.transaction(async (tx) => {
      await insertAssetWithProvenance({
        executor: tx,
        asset: {
          id: assetId,
          workspaceId: file.workspaceId,
          projectId: file.projectId,
          kind: 'video',
          storageKey,
          originalName: file.name,
          mime: 'video/mp4',
          bytes: size,
          sha256: hash.digest('hex'),
          width: file.width,
          height: file.height,
          durationFrames: file.durationFrames,
          createdBy: file.createdBy,
        },
        details: file.provenance,
      })
    })
  } catch (error) {
    await storage.delete(storageKey)
    throw error
  }
  return {
    assetId,
    async discard() {
      // Hard delete: the row was never handed to anyone, so there is no history to keep (its ledger row cascades).
      await db.delete(assets).where(and(eq(assets.id, assetId), eq(assets.projectId, file.projectId)))
      await storage.delete(storageKey)
    },
  }
}
