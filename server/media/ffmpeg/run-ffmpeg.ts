import fs from 'node:fs/promises'
import { createProgressParser, type FfmpegProgress, type ProgressTarget } from './ffmpeg-progress'
import { resolveFfmpeg } from './resolve-binary'
import { ProcessFailedError, runProcess } from './run-process'

export type { FfmpegProgress } from './ffmpeg-progress'

// Runs one ffmpeg command for a job: progress as a fraction, killed on abort or after timeoutMs, and no half-written
// output left behind when it does not finish. Inputs from users go in through untrustedInput() (probe-media.ts).

export interface RunFfmpegOptions extends ProgressTarget {
  signal?: AbortSignal
  onProgress?: (progress: FfmpegProgress) => void
  /** Hard limit for the whole run. */
  timeoutMs: number
  /**
   * The file to remove if the run fails or is aborted. Defaults to the last argument (where ffmpeg takes its output)
   * unless that is a pipe; null to remove nothing. A file that existed before the run is never removed.
   */
  outputPath?: string | null
}

export class FfmpegError extends Error {
  override name = 'FfmpegError'
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderrTail: string[],
  ) {
    super(message)
  }
}

const fixedArgs = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-progress', 'pipe:1', '-nostats']

export async function runFfmpeg(args: readonly string[], options: RunFfmpegOptions): Promise<void> {
  const { signal, onProgress, timeoutMs } = options
  const ffmpeg = resolveFfmpeg()
  const outputPath = options.outputPath === undefined ? defaultOutputPath(args) : options.outputPath
  const outputExisted = outputPath ? await exists(outputPath) : false
  const onLine = createProgressParser(options, (progress) => onProgress?.(progress))
  try {
    await runProcess(ffmpeg.path, [...fixedArgs, ...args], { timeoutMs, signal, onStdoutLine: onLine })
  } catch (error) {
    if (outputPath && !outputExisted) await fs.rm(outputPath, { force: true })
    if (error instanceof ProcessFailedError) throw new FfmpegError(error.message, error.exitCode, error.stderrTail)
    throw error
  }
}

function defaultOutputPath(args: readonly string[]): string | null {
  const last = args.at(-1)
  if (!last || last === '-' || last.startsWith('pipe:') || last.startsWith('-')) return null
  return last.startsWith('file:') ? last.slice('file:'.length) : last
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file)
    return true
  } catch {
    return false
  }
}
