// Reads ffmpeg's `-progress pipe:1` output: blocks of key=value lines, each closed by progress=continue or
// progress=end. Turns them into a 0…1 fraction from the output time (given the expected duration) or the frame
// count (given the expected number of frames).

export interface FfmpegProgress {
  /** 0…1, never going back; null when neither a duration nor a frame count was given. */
  fraction: number | null
  frame: number | null
  outTimeSeconds: number | null
  done: boolean
}

export interface ProgressTarget {
  durationSeconds?: number
  totalFrames?: number
}

export function createProgressParser(target: ProgressTarget, onProgress: (progress: FfmpegProgress) => void): (line: string) => void {
  const hasTarget = Boolean((target.durationSeconds ?? 0) > 0 || (target.totalFrames ?? 0) > 0)
  let block = new Map<string, string>()
  let highest = 0
  return (line) => {
    const split = line.indexOf('=')
    if (split <= 0) return
    const key = line.slice(0, split).trim()
    const value = line.slice(split + 1).trim()
    if (key !== 'progress') {
      block.set(key, value)
      return
    }
    const done = value === 'end'
    // out_time_us is microseconds; ffmpeg 5.1 also prints out_time_ms, which despite its name is microseconds too.
    const outTimeUs = finite(block.get('out_time_us') ?? block.get('out_time_ms'))
    const frame = finite(block.get('frame'))
    const outTimeSeconds = outTimeUs === null ? null : Math.max(0, outTimeUs / 1_000_000)
    block = new Map()
    let fraction: number | null = null
    if (hasTarget) {
      fraction = done ? 1 : Math.max(highest, Math.min(1, fractionOf(target, outTimeSeconds, frame) ?? 0))
      highest = fraction
    }
    onProgress({ fraction, frame, outTimeSeconds, done })
  }
}

function fractionOf(target: ProgressTarget, outTimeSeconds: number | null, frame: number | null): number | null {
  if (target.durationSeconds && target.durationSeconds > 0 && outTimeSeconds !== null) return outTimeSeconds / target.durationSeconds
  if (target.totalFrames && target.totalFrames > 0 && frame !== null) return frame / target.totalFrames
  return null
}

// "N/A" (before the first frame) and garbage read as unknown.
function finite(text: string | undefined): number | null {
  if (text === undefined || text === '' || text === 'N/A') return null
  const value = Number(text)
  return Number.isFinite(value) ? value : null
}
