import fs from 'node:fs/promises'
import { AppError } from '@/lib/errors'
import { UnsupportedMediaTypeError } from '@/lib/media/errors'
import { checkTopLevelBoxes } from './iso-bmff-boxes'
import { ProbeFailedError, probeMedia, type MediaProbe } from './probe-media'
import { ProcessFailedError, ProcessTimeoutError } from './run-process'
import { containerMatchesFormat, sniffVideoContainer, videoDemuxers, videoSniffBytes, type VideoContainer } from './sniff-video-container'
import { videoLimitsFromEnv, type VideoLimits } from './video-limits'

// Decides whether an uploaded file (already on disk, under a name we chose) is a video we can work with, cheapest
// check first: size, magic bytes, MP4 box structure, then ffprobe under a time limit with local files only and only
// the sniffed container's demuxer, then the limits on frame size and duration. Every refusal is an AppError whose
// message tells the uploader what is wrong.

export interface ValidatedVideo {
  container: VideoContainer
  probe: MediaProbe & { video: NonNullable<MediaProbe['video']> }
}

export interface ValidateVideoOptions {
  limits?: VideoLimits
  probeTimeoutMs?: number
  signal?: AbortSignal
}

// ffprobe's own words go in `cause` (logs), never in the message or details a client may see.
const refuse = (userMessage: string, details?: Record<string, unknown>, cause?: unknown) =>
  new AppError('BAD_REQUEST', { userMessage, details, cause })

export async function validateVideoUpload(filePath: string, options: ValidateVideoOptions = {}): Promise<ValidatedVideo> {
  const limits = options.limits ?? videoLimitsFromEnv()
  const container = await checkFileStructure(filePath)
  // Only the sniffed container's own demuxer may read it: a file that passes the magic bytes is never then read as a
  // playlist or any other format that opens more files.
  const probe = await probeUpload(filePath, [videoDemuxers[container]], options)

  if (!containerMatchesFormat(container, probe.container)) {
    throw new UnsupportedMediaTypeError('This file is not a video we can read (its contents do not match its format).', {
      sniffed: container,
      probed: probe.container,
    })
  }
  const video = probe.video
  if (!video) throw refuse('This file has no video track.')
  if (video.width <= 0 || video.height <= 0) {
    throw refuse('This video’s frame size could not be read; it may be damaged or far larger than we support.')
  }
  if (video.width * video.height > limits.maxPixels) {
    throw refuse(
      `This video is ${video.width} × ${video.height} pixels; the largest frame we accept is ${formatMegapixels(limits.maxPixels)}.`,
      { width: video.width, height: video.height },
    )
  }
  const duration = probe.durationSeconds
  if (duration === null) throw refuse('This video’s duration could not be read; it may be damaged.')
  if (duration > limits.maxSeconds) {
    throw refuse(`This video runs ${formatDuration(duration)}; the longest we accept is ${formatDuration(limits.maxSeconds)}.`, {
      durationSeconds: duration,
    })
  }
  return { container, probe: { ...probe, video } }
}

async function checkFileStructure(filePath: string): Promise<VideoContainer> {
  const file = await fs.open(filePath, 'r')
  try {
    const { size } = await file.stat()
    if (size === 0) throw refuse('The file is empty.')
    const head = Buffer.alloc(videoSniffBytes)
    const { bytesRead } = await file.read(head, 0, videoSniffBytes, 0)
    const container = sniffVideoContainer(head.subarray(0, bytesRead))
    if (!container) {
      throw new UnsupportedMediaTypeError('This file is not a video. We accept MP4, MOV, MKV, WebM, AVI and MXF files.')
    }
    if (container === 'mp4') {
      const boxes = await checkTopLevelBoxes(file, size)
      if (!boxes.ok) {
        throw refuse(
          boxes.reason === 'truncated'
            ? 'This video file is incomplete; the upload may have been cut short. Please upload it again.'
            : 'This video file is damaged (its index is missing or malformed).',
          { reason: boxes.reason },
        )
      }
    }
    return container
  } finally {
    await file.close()
  }
}

async function probeUpload(filePath: string, formats: readonly string[], options: ValidateVideoOptions): Promise<MediaProbe> {
  try {
    return await probeMedia(filePath, { timeoutMs: options.probeTimeoutMs, signal: options.signal, formats })
  } catch (error) {
    if (error instanceof ProcessTimeoutError) {
      throw refuse('Reading this video took too long; it may be damaged.', undefined, error)
    }
    if (error instanceof ProcessFailedError || error instanceof ProbeFailedError) {
      throw refuse('This video could not be read; it may be damaged or use a format we do not support.', undefined, error)
    }
    throw error
  }
}

function formatMegapixels(pixels: number): string {
  return `${Math.round(pixels / 100_000) / 10} megapixels`
}

function formatDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600)
  const minutes = Math.floor((seconds % 3600) / 60)
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`
  if (minutes > 0) return `${minutes} min`
  return `${Math.round(seconds)} s`
}
