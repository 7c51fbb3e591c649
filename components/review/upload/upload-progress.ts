// Speed and time left for an upload, from the last few seconds of progress rather than since the start, so a
// connection that slows down (or a resumed upload whose first bytes came for free) shows what is happening now.

export interface ProgressSample {
  at: number
  bytes: number
}

const windowMs = 5000

/** Keeps the samples of the last few seconds, plus the newest one. */
export function addSample(samples: readonly ProgressSample[], sample: ProgressSample): ProgressSample[] {
  const kept = samples.filter((s) => sample.at - s.at <= windowMs && s.bytes <= sample.bytes)
  return [...kept, sample]
}

/** Bytes per second over the window; null until there is a second of history to go on. */
export function bytesPerSecond(samples: readonly ProgressSample[]): number | null {
  const first = samples[0]
  const last = samples[samples.length - 1]
  if (!first || !last || last.at - first.at < 1000) return null
  return ((last.bytes - first.bytes) * 1000) / (last.at - first.at)
}

export function secondsLeft(bytesSent: number, bytesTotal: number, speed: number | null): number | null {
  if (speed === null || speed <= 0) return null
  return Math.max(0, (bytesTotal - bytesSent) / speed)
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${value >= 100 ? Math.round(value) : Math.round(value * 10) / 10} ${units[unit]}`
}

export function formatSpeed(speed: number | null): string | null {
  return speed === null ? null : `${formatBytes(speed)}/s`
}

/** "about 3 min left", "12 s left"; null when unknown. */
export function formatTimeLeft(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds)) return null
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s left`
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min left`
  const hours = Math.floor(seconds / 3600)
  const minutes = Math.round((seconds % 3600) / 60)
  return `about ${hours} h ${minutes} min left`
}

export function percent(bytesSent: number, bytesTotal: number): number {
  return bytesTotal > 0 ? Math.min(100, Math.floor((bytesSent / bytesTotal) * 100)) : 0
}
