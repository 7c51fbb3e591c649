import fs from 'node:fs/promises'
import { AppError } from '@/lib/errors'
import { UnsupportedMediaTypeError } from '@/lib/media/errors'
import { ProbeFailedError, probeMedia, type MediaProbe } from './probe-media'
import { ProcessFailedError, ProcessTimeoutError } from './run-process'
import { audioContainerMatchesFormat, audioDemuxers, audioMimeTypes, audioSniffBytes, sniffAudioContainer, type AudioContainer } from './sniff-audio-container'
import type { AudioLimits } from './audio-limits'

// Decides whether an uploaded file (already on disk, under a name we chose) is a sound track we can mux into an
// animatic, cheapest check first: size, magic bytes, then ffprobe under a time limit with local files only, then a
// sound stream, no picture stream, and a duration within the limit. Every refusal is an AppError whose message tells
// the uploader what is wrong.

export interface ValidatedAudio {
  container: AudioContainer
  mime: string
  durationSeconds: number
  probe: MediaProbe & { audio: NonNullable<MediaProbe['audio']> }
}

const accepted = 'We accept WAV, MP3, M4A/AAC, FLAC and OGG/Opus files.'

// ffprobe's own words go in `cause` (logs), never in the message or details a client may see.
const refuse = (userMessage: string, details?: Record<string, unknown>, cause?: unknown) =>
  new AppError('BAD_REQUEST', { userMessage, details, cause })

export async function validateAudioUpload(
  filePath: string,
  options: { limits: Pick<AudioLimits, 'maxSeconds'>; probeTimeoutMs?: number; signal?: AbortSignal },
): Promise<ValidatedAudio> {
  const container = await sniff(filePath)
  // Only the sniffed container's own demuxer may read it, so a file that passes the magic bytes is never then read as
  // a playlist or any other format that opens more files.
  const probe = await probeUpload(filePath, [audioDemuxers[container]], options)
  if (!audioContainerMatchesFormat(container, probe.container)) {
    throw new UnsupportedMediaTypeError(`This file is not a sound file we can read (its contents do not match its format). ${accepted}`, {
      sniffed: container,
      probed: probe.container,
    })
  }
  // Cover art is not a video stream here (readProbe skips attached pictures), so an MP3 with its album art passes.
  if (probe.video) throw new UnsupportedMediaTypeError(`This is a video, not a sound file. Export its sound as its own file first. ${accepted}`)
  const audio = probe.audio
  if (!audio) throw refuse(`This file has no sound in it. ${accepted}`)
  const durationSeconds = probe.durationSeconds
  if (durationSeconds === null) throw refuse('This sound file’s length could not be read; it may be damaged.')
  if (durationSeconds > options.limits.maxSeconds) {
    throw refuse(`This sound file runs ${formatLength(durationSeconds)}; the longest we accept is ${formatLength(options.limits.maxSeconds)}.`, { durationSeconds })
  }
  return { container, mime: audioMimeTypes[container], durationSeconds, probe: { ...probe, audio } }
}

async function sniff(filePath: string): Promise<AudioContainer> {
  const file = await fs.open(filePath, 'r')
  try {
    const { size } = await file.stat()
    if (size === 0) throw refuse('The file is empty.')
    const head = Buffer.alloc(audioSniffBytes)
    const { bytesRead } = await file.read(head, 0, audioSniffBytes, 0)
    const container = sniffAudioContainer(head.subarray(0, bytesRead))
    if (!container) throw new UnsupportedMediaTypeError(`This file is not a sound file. ${accepted}`)
    return container
  } finally {
    await file.close()
  }
}

async function probeUpload(filePath: string, formats: readonly string[], options: { probeTimeoutMs?: number; signal?: AbortSignal }): Promise<MediaProbe> {
  try {
    return await probeMedia(filePath, { timeoutMs: options.probeTimeoutMs, signal: options.signal, formats })
  } catch (error) {
    if (error instanceof ProcessTimeoutError) throw refuse('Reading this sound file took too long; it may be damaged.', undefined, error)
    if (error instanceof ProcessFailedError || error instanceof ProbeFailedError) {
      throw refuse(`This sound file could not be read; it may be damaged or use a format we do not support. ${accepted}`, undefined, error)
    }
    throw error
  }
}

function formatLength(seconds: number): string {
  return seconds < 90 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`
}
