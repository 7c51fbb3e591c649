import { describe, expect, it } from 'vitest'
import { createProgressParser, type FfmpegProgress } from './ffmpeg-progress'

const feed = (target: Parameters<typeof createProgressParser>[0], text: string) => {
  const seen: FfmpegProgress[] = []
  const onLine = createProgressParser(target, (progress) => seen.push(progress))
  for (const line of text.trim().split('\n')) onLine(line)
  return seen
}

// Trimmed from a real `ffmpeg -progress pipe:1` run (ffmpeg 5.1).
const run = `
frame=0
fps=0.00
out_time_us=N/A
out_time_ms=N/A
out_time=N/A
progress=continue
frame=12
fps=0.00
out_time_us=500000
out_time_ms=500000
progress=continue
frame=9
out_time_us=400000
progress=continue
frame=24
out_time_us=1000000
progress=end
`

describe('createProgressParser', () => {
  it('turns output time into a fraction of the expected duration, never going back, 1 at the end', () => {
    const seen = feed({ durationSeconds: 2 }, run)
    expect(seen.map((p) => p.fraction)).toEqual([0, 0.25, 0.25, 1])
    expect(seen.map((p) => p.outTimeSeconds)).toEqual([null, 0.5, 0.4, 1])
    expect(seen.map((p) => p.done)).toEqual([false, false, false, true])
  })

  it('uses frames when only the frame count is known', () => {
    expect(feed({ totalFrames: 48 }, run).map((p) => p.fraction)).toEqual([0, 0.25, 0.25, 1])
  })

  it('caps at 1 when the encode runs past the expected duration', () => {
    expect(feed({ durationSeconds: 0.25 }, run).map((p) => p.fraction)).toEqual([0, 1, 1, 1])
  })

  it('reports frames and time but no fraction without a target', () => {
    const seen = feed({}, run)
    expect(seen.map((p) => p.fraction)).toEqual([null, null, null, null])
    expect(seen.map((p) => p.frame)).toEqual([0, 12, 9, 24])
  })
})
