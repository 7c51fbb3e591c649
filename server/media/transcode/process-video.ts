import { createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { and, eq, isNull } from 'drizzle-orm'
import { getDb } from '@/db'
import { assets, type AssetRow } from '@/db/schema'
import { AppError } from '@/lib/errors'
import { validateVideoUpload } from '@/server/media/ffmpeg'
import { getStorage } from '@/server/media/storage/get-storage'
import { derivedAssetSet } from './derived-assets'
import { makeFilmstrip, makePoster, type FilmstripLayout } from './still-frames'
import { transcodeProxy } from './transcode-proxy'
import type { ProcessedMedia } from '@/lib/media/processed-media'

// Everything the review page needs from an uploaded cut: fetch the original from storage, vet it, make the proxy,
// poster and filmstrip, and store each as an asset. Returns their ids for the review service to put on the version.
// Temporary files go in finally; a failure or cancel takes back whatever was stored.

export interface ProcessVideoInput {
  assetId: string
  projectId: string
}

export interface ProcessVideoResult extends ProcessedMedia {
  durationFrames: number
  posterFrame: number
  filmstrip: FilmstripLayout
}

export interface ProcessVideoOptions {
  signal?: AbortSignal
  reportProgress?: (fraction: number, label: string) => void
  /** Where the working folder is made; the system temp folder by default. */
  tempRoot?: string
  /** Passed to transcodeProxy (tests slow the encode to real time to cancel it mid-way). */
  readRate?: number
  /**
   * Called with the result before the run counts as done, e.g. to record the asset ids on a review version. If it
   * throws, the derived assets are removed and the run fails, so ids are never recorded for assets that are gone.
   */
  onProcessed?: (result: ProcessVideoResult, input: ProcessVideoInput) => Promise<void>
}

export async function processVideo(input: ProcessVideoInput, options: ProcessVideoOptions = {}): Promise<ProcessVideoResult> {
  const { signal } = options
  const report = (fraction: number, label: string) => options.reportProgress?.(fraction, label)
  const original = await findOriginal(input)
  const workDir = await fs.mkdtemp(path.join(options.tempRoot ?? os.tmpdir(), 'storyreel-process-'))
  const derived = derivedAssetSet(original)
  try {
    report(0, 'Fetching the upload')
    const sourcePath = path.join(workDir, 'original')
    await downloadOriginal(original.storageKey, sourcePath, signal)

    report(0.02, 'Checking the video')
    const { probe } = await validateVideoUpload(sourcePath, { signal })
    const fps = probe.video.fps
    const frameCount = probe.video.frameCount
    if (!fps || !frameCount) {
      throw new AppError('BAD_REQUEST', { userMessage: 'This video’s frame rate could not be read, so its frames cannot be numbered.' })
    }
    report(0.05, 'Transcoding')

    const proxyPath = path.join(workDir, 'proxy.mp4')
    const proxy = await transcodeProxy({
      inputPath: sourcePath,
      outputPath: proxyPath,
      probe,
      signal,
      readRate: options.readRate,
      onProgress: (fraction) => report(0.05 + 0.8 * fraction, 'Transcoding'),
    })
    report(0.85, 'Making the poster and filmstrip')
    const posterPath = path.join(workDir, 'poster.jpg')
    const filmstripPath = path.join(workDir, 'filmstrip.jpg')
    // From the proxy, not the original: it is smaller, upright, quick to decode, and numbers frames the same way.
    const proxyProbe = proxy.probe
    const size = { width: proxy.width, height: proxy.height }
    const poster = await makePoster({ inputPath: proxyPath, outputPath: posterPath, probe: proxyProbe, signal })
    report(0.9, 'Making the poster and filmstrip')
    const filmstrip = await makeFilmstrip({ inputPath: proxyPath, outputPath: filmstripPath, probe: proxyProbe, signal })
    report(0.95, 'Saving')

    const proxyAssetId = await derived.store({
      filePath: proxyPath, kind: 'video', mime: 'video/mp4', name: 'proxy.mp4', ...size, durationFrames: frameCount,
    })
    signal?.throwIfAborted()
    const posterAssetId = await derived.store({
      filePath: posterPath, kind: 'thumbnail', mime: 'image/jpeg', name: 'poster.jpg', width: poster.width, height: poster.height,
    })
    signal?.throwIfAborted()
    const filmstripAssetId = await derived.store({
      filePath: filmstripPath, kind: 'image', mime: 'image/jpeg', name: 'filmstrip.jpg',
      width: filmstrip.columns * filmstrip.tileWidth, height: filmstrip.rows * filmstrip.tileHeight,
    })
    signal?.throwIfAborted()
    const result: ProcessVideoResult = {
      proxyAssetId,
      posterAssetId,
      filmstripAssetId,
      frameCount,
      fps: { num: fps.numerator, den: fps.denominator },
      width: size.width,
      height: size.height,
      durationFrames: frameCount,
      posterFrame: poster.frame,
      filmstrip,
    }
    await options.onProcessed?.(result, input)
    report(1, 'Ready')
    return result
  } catch (error) {
    await derived.discard().catch((cleanupError: unknown) => console.error('[transcode] could not remove derived assets:', cleanupError))
    throw error
  } finally {
    await fs.rm(workDir, { recursive: true, force: true })
  }
}

async function findOriginal({ assetId, projectId }: ProcessVideoInput): Promise<AssetRow> {
  const db = await getDb()
  const [row] = await db
    .select()
    .from(assets)
    .where(and(eq(assets.id, assetId), eq(assets.projectId, projectId), isNull(assets.deletedAt)))
    .limit(1)
  if (!row) throw new AppError('NOT_FOUND', { userMessage: 'The uploaded video was not found; it may have been deleted.' })
  return row
}

/** Streams the stored original to a local file: storage may be remote, and ffmpeg wants a seekable file. */
async function downloadOriginal(storageKey: string, target: string, signal: AbortSignal | undefined): Promise<void> {
  const { stream } = await getStorage().get(storageKey)
  await pipeline(stream, createWriteStream(target, { flags: 'wx' }), { signal })
}
