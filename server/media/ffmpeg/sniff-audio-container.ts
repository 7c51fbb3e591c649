// Decides from the first bytes whether a file is one of the sound formats we accept, before ffprobe (and its hundreds
// of demuxers) ever sees it: an HTML page or a playlist renamed score.mp3 stops here.

export type AudioContainer = 'wav' | 'mp3' | 'adts' | 'mp4' | 'flac' | 'ogg'

/** Enough bytes for every signature below. */
export const audioSniffBytes = 16

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0))
const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte)

/** The MIME type we store and serve each container as. */
export const audioMimeTypes: Record<AudioContainer, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  adts: 'audio/aac',
  mp4: 'audio/mp4',
  flac: 'audio/flac',
  ogg: 'audio/ogg',
}

/**
 * ffmpeg's demuxer for each container, for -format_whitelist: once a file has sniffed as one of these, no other
 * demuxer (HLS, concat) may read it or anything it names.
 */
export const audioDemuxers: Readonly<Record<AudioContainer, string>> = { wav: 'wav', mp3: 'mp3', adts: 'aac', mp4: 'mov', flac: 'flac', ogg: 'ogg' }

/** Every demuxer an accepted sound file may be read with (the renderer reads stored tracks with these). */
export const acceptedAudioDemuxers: readonly string[] = [...new Set(Object.values(audioDemuxers))]

export function sniffAudioContainer(head: Uint8Array): AudioContainer | null {
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WAVE'), 8)) return 'wav'
  if (startsWith(head, ascii('fLaC'))) return 'flac'
  if (startsWith(head, ascii('OggS'))) return 'ogg' // Vorbis, Opus, FLAC-in-Ogg
  if (startsWith(head, ascii('ftyp'), 4)) return 'mp4' // M4A, AAC in MP4; a video-only MP4 is refused after ffprobe
  if (startsWith(head, ascii('ID3'))) return 'mp3' // an ID3v2 tag, then MPEG audio frames
  // A frame sync of 12 bits: ADTS AAC has layer bits 00, MPEG audio (MP1/2/3) a non-zero layer.
  if (head.length >= 2 && head[0] === 0xff && (head[1]! & 0xf0) === 0xf0 && (head[1]! & 0x06) === 0) return 'adts'
  if (head.length >= 2 && head[0] === 0xff && (head[1]! & 0xe0) === 0xe0 && (head[1]! & 0x06) !== 0) return 'mp3'
  return null
}

/** ffprobe's format name must agree with the sniffed container, so a file cannot pass as one thing and be read as another. */
export function audioContainerMatchesFormat(container: AudioContainer, formatName: string): boolean {
  const names = formatName.split(',')
  switch (container) {
    case 'wav':
      return names.includes('wav')
    case 'mp3':
      return names.includes('mp3')
    case 'adts':
      return names.includes('aac')
    case 'mp4':
      return names.includes('mov') || names.includes('mp4') || names.includes('m4a')
    case 'flac':
      return names.includes('flac')
    case 'ogg':
      return names.includes('ogg')
  }
}
