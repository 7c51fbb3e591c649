import { createHash, randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { projects } from '@/db/schema'
import { AppError } from '@/lib/errors'
import { sanitiseFilename } from '@/lib/media/filename'
import type { AudioUploadProvenance } from '@/lib/provenance/audio-upload'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { formatBytes } from '@/server/media/config'
import { audioLimitsFromEnv, type AudioLimits } from '@/server/media/ffmpeg/audio-limits'
import { validateAudioUpload } from '@/server/media/ffmpeg/validate-audio-upload'
import { getStorage } from '@/server/media/storage/get-storage'
import { assetStorageKey } from '@/server/media/storage/storage-key'
import { insertAssetWithProvenance } from '@/server/services/provenance/insert-asset-with-provenance'
import { mediaUrl } from './media-url'

export interface CreatedAudioAsset {
  id: string
  url: string
  mime: string
  bytes: number
  sha256: string
  originalName: string
  /** At the project's frame rate, so the render card can say how long the track is against the board. */
  durationFrames: number
  durationSeconds: number
  category: AudioUploadProvenance['category']
  origin: AudioUploadProvenance['origin']
}

export const audioTooLarge = (maxBytes: number) =>
  new AppError('PAYLOAD_TOO_LARGE', { userMessage: `That sound file is too large: the limit is ${formatBytes(maxBytes)}.`, details: { maxBytes } })

/**
 * Stores one sound file for a project (the animatic's music or scratch voice) and records who or what made it. Editors
 * and owners only. ffprobe needs a file, so the body is first written to a private temporary file (cut off at the
 * size limit, hashed on the way), vetted there (magic bytes, then ffprobe with a time limit on local files only; it
 * must hold sound and no picture), then copied into media storage under a key we make. The asset row and its ledger
 * row land in one transaction; a refused file leaves no stored object and no row.
 */
export async function createAudioAsset(params: {
  actor: Actor | null
  projectId: string
  body: AsyncIterable<Uint8Array>
  filename?: string | null
  provenance: AudioUploadProvenance
  limits?: AudioLimits
  probeTimeoutMs?: number
}): Promise<CreatedAudioAsset> {
  const actor = requireSignedIn(params.actor)
  const { workspaceId } = await requireRole(actor, { projectId: params.projectId }, 'editor')
  const limits = params.limits ?? audioLimitsFromEnv()
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'storyreel-audio-'))
  try {
    const received = path.join(workDir, 'upload')
    const { bytes, sha256 } = await receive(params.body, received, limits.maxBytes)
    const audio = await validateAudioUpload(received, { limits, probeTimeoutMs: params.probeTimeoutMs })

    const db = await getDb()
    const [project] = await db
      .select({ fpsNumerator: projects.fpsNumerator, fpsDenominator: projects.fpsDenominator })
      .from(projects)
      .where(and(eq(projects.id, params.projectId), eq(projects.workspaceId, workspaceId)))
    if (!project) throw new AppError('NOT_FOUND', { userMessage: 'That project was not found.' })
    const durationFrames = Math.round((audio.durationSeconds * project.fpsNumerator) / project.fpsDenominator)

    const assetId = randomUUID()
    const storageKey = assetStorageKey({ projectId: params.projectId, assetId, name: 'original' })
    const storage = getStorage()
    await storage.put(storageKey, createReadStream(received) as AsyncIterable<Uint8Array>, { contentType: audio.mime })
    const originalName = sanitiseFilename(params.filename, 'audio')
    const { origin, category, provider, model } = params.provenance
    try {
      // The asset and its ledger row land together, so no stored sound is missing from the disclosure report.
      await db.transaction(async (tx) => {
        await insertAssetWithProvenance({
          executor: tx,
          asset: {
            id: assetId,
            workspaceId,
            projectId: params.projectId,
            kind: 'audio',
            storageKey,
            originalName,
            mime: audio.mime,
            bytes,
            sha256,
            durationFrames,
            createdBy: actor.userId,
          },
          details: {
            origin,
            category,
            provider: origin === 'ai_generated' ? provider : null,
            model: origin === 'ai_generated' ? model : null,
            // Declared by the uploader: we cannot tell from the bytes who or what made a sound file.
            parameters: { source: 'audio-upload', declaredBy: 'uploader', codec: audio.probe.audio.codec },
          },
        })
      })
    } catch (error) {
      await storage.delete(storageKey).catch((cleanupError: unknown) => console.error('[assets] could not remove', storageKey, cleanupError))
      throw error
    }
    return { id: assetId, url: mediaUrl(assetId), mime: audio.mime, bytes, sha256, originalName, durationFrames, durationSeconds: audio.durationSeconds, category, origin }
  } finally {
    await fs.rm(workDir, { recursive: true, force: true })
  }
}

/** Writes the body to a file, refusing it as soon as it passes maxBytes; answers its size and SHA-256. */
async function receive(body: AsyncIterable<Uint8Array>, filePath: string, maxBytes: number): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256')
  let bytes = 0
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of body) {
      bytes += chunk.length
      if (bytes > maxBytes) throw audioTooLarge(maxBytes)
      hash.update(chunk)
      yield chunk
    }
  }
  await pipeline(Readable.from(counted()), createWriteStream(filePath, { mode: 0o600 }))
  return { bytes, sha256: hash.digest('hex') }
}
