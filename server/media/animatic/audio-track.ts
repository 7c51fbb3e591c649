import { AppError } from '@/lib/errors'
import { probeMedia } from '@/server/media/ffmpeg'
import { acceptedAudioDemuxers } from '@/server/media/ffmpeg/sniff-audio-container'

// The one optional sound track (music or scratch voice): checked before any frame is drawn, so a file that is not
// audio fails at once with a message the user can act on instead of deep inside an encode.

export interface AudioTrack {
  path: string
  /** The file's name as the user knows it, for messages. */
  name: string
}

export async function checkAudioTrack(track: AudioTrack, signal?: AbortSignal): Promise<void> {
  const notAudio = (cause?: unknown) =>
    new AppError('BAD_REQUEST', {
      userMessage: `"${track.name}" is not a sound file we can read, so it cannot be the animatic's audio. Use a WAV, MP3, AAC, M4A, OGG or FLAC file.`,
      cause,
    })
  let hasAudio: boolean
  try {
    hasAudio = (await probeMedia(track.path, { signal, timeoutMs: 15_000, formats: acceptedAudioDemuxers })).audio !== null
  } catch (error) {
    if (signal?.aborted) throw signal.reason
    throw notAudio(error)
  }
  if (!hasAudio) throw notAudio()
}
