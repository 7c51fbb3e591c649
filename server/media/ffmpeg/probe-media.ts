import path from 'node:path'
import { readProbe, type MediaProbe } from './probe-result'
import { resolveFfprobe } from './resolve-binary'
import { runProcess } from './run-process'

export type { MediaProbe } from './probe-result'

// Reads a media file's container and streams with ffprobe. The file may be hostile: ffprobe may open only local
// files (a playlist or concat list naming http:// or another file is refused), it is killed after timeoutMs, and
// what it prints is capped and checked with zod.

/** Refuse every protocol but plain files and pipes, also for files the input opens in turn (HLS, concat, GAB2). */
export const protocolWhitelist = ['-protocol_whitelist', 'file,pipe'] as const

/**
 * Only these demuxers may read the file or anything it opens in turn (ffmpeg copies the list to nested inputs), so
 * a file cannot be read as a playlist or concat list that names other local files; omitted, any demuxer may.
 */
function formatWhitelist(formats: readonly string[] | undefined): string[] {
  return formats && formats.length > 0 ? ['-format_whitelist', formats.join(',')] : []
}

/** The arguments for reading an untrusted file: the whitelists, then the file as an explicit file: URL. */
export function untrustedInput(filePath: string, options: { formats?: readonly string[] } = {}): string[] {
  // "file:" + absolute path, so a name such as "http:x.mp4" or "concat:a|b" is never read as a protocol.
  return [...protocolWhitelist, ...formatWhitelist(options.formats), '-i', `file:${path.resolve(filePath)}`]
}

export class ProbeFailedError extends Error {
  override name = 'ProbeFailedError'
}

export async function probeMedia(
  filePath: string,
  options: { timeoutMs?: number; signal?: AbortSignal; /** ffmpeg demuxer names allowed to read the file (-format_whitelist). */ formats?: readonly string[] } = {},
): Promise<MediaProbe> {
  const { timeoutMs = 15_000, signal } = options
  const ffprobe = resolveFfprobe()
  const args = [
    '-v', 'error',
    ...protocolWhitelist,
    ...formatWhitelist(options.formats),
    '-print_format', 'json',
    '-show_format',
    '-show_streams',
    `file:${path.resolve(filePath)}`,
  ]
  const { stdout } = await runProcess(ffprobe.path, args, { timeoutMs, signal, maxStdoutBytes: 4 * 1024 * 1024 })
  let json: unknown
  try {
    json = JSON.parse(stdout)
  } catch {
    throw new ProbeFailedError('ffprobe printed something other than JSON.')
  }
  const result = safeRead(json)
  if (!result) throw new ProbeFailedError('ffprobe found no container format in the file.')
  return result
}

function safeRead(json: unknown): MediaProbe | null {
  try {
    return readProbe(json)
  } catch {
    return null
  }
}
