// Decides from the first bytes whether a file is one of the video containers we accept, before ffprobe (and its
// hundreds of demuxers) ever sees it: an HTML page or an HLS playlist renamed cut.mp4 stops here.

export type VideoContainer = 'mp4' | 'matroska' | 'avi' | 'mxf'

/**
 * ffmpeg's demuxer for each container, for -format_whitelist: once a file has sniffed as one of these, no other
 * demuxer (HLS, concat, a subtitle demuxer an AVI's GAB2 track asks for) may read it or anything it names.
 */
export const videoDemuxers: Readonly<Record<VideoContainer, string>> = { mp4: 'mov', matroska: 'matroska', avi: 'avi', mxf: 'mxf' }

/** Every demuxer an accepted video may be read with. */
export const acceptedVideoDemuxers: readonly string[] = Object.values(videoDemuxers)

/** Enough bytes for every signature below. */
export const videoSniffBytes = 16

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0))
const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte)

// ISO BMFF (MP4, MOV, M4V, 3GP) starts with a box: 4 size bytes, then its type. Modern files open with ftyp; older
// QuickTime files may open with one of the others.
const firstBoxTypes = ['ftyp', 'moov', 'mdat', 'wide', 'free', 'skip', 'pnot'].map(ascii)
// SMPTE 377 header partition pack key (06 0E 2B 34 02 05 01 01 0D 01 02 01 01 02 …).
const mxfPartitionKey = [0x06, 0x0e, 0x2b, 0x34, 0x02, 0x05, 0x01, 0x01, 0x0d, 0x01, 0x02, 0x01, 0x01, 0x02]

export function sniffVideoContainer(head: Uint8Array): VideoContainer | null {
  if (firstBoxTypes.some((type) => startsWith(head, type, 4))) return 'mp4'
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return 'matroska' // EBML header; WebM is Matroska
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('AVI '), 8)) return 'avi'
  if (startsWith(head, mxfPartitionKey)) return 'mxf'
  return null
}

/** ffprobe's format name must agree with the sniffed container, so a file cannot pass as one thing and be read as another. */
export function containerMatchesFormat(container: VideoContainer, formatName: string): boolean {
  const names = formatName.split(',')
  switch (container) {
    case 'mp4':
      return names.includes('mov') || names.includes('mp4')
    case 'matroska':
      return names.includes('matroska') || names.includes('webm')
    case 'avi':
      return names.includes('avi')
    case 'mxf':
      return names.includes('mxf')
  }
}
