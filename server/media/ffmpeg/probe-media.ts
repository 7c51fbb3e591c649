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

/** The arguments for reading an untrusted file: the whitelist, then the file as an explicit file: URL. */
export function untrustedInput(filePath: string): string[] {
  // "file:" + absolute path, so a name such as "http:x.mp4" or "concat:a|b" is never read as a protocol.
  return [...protocolWhitelist, '-i', `file:${path.resolve(filePath)}`]
}

export class ProbeFailedError extends Error {
  override name = 'ProbeFailedError'
}

export async function probeMedia(filePath: string, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<MediaProbe> {
  const { timeoutMs = 15_000, signal } = options
  const ffprobe = resolveFfprobe()
  const args = [
    '-v', 'error',
    ...protocolWhitelist,
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
