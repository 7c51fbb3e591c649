import { describe, expect, it } from 'vitest'
import { addSample, bytesPerSecond, formatBytes, formatTimeLeft, percent, secondsLeft, type ProgressSample } from './upload-progress'

describe('upload speed and time left', () => {
  it('measures the last few seconds, not the whole upload', () => {
    let samples: ProgressSample[] = []
    // 10 s at 1 MB/s, then 4 s at 4 MB/s.
    for (let t = 0; t <= 10; t++) samples = addSample(samples, { at: t * 1000, bytes: t * 1_000_000 })
    for (let t = 11; t <= 16; t++) samples = addSample(samples, { at: t * 1000, bytes: 10_000_000 + (t - 10) * 4_000_000 })
    expect(bytesPerSecond(samples)).toBeCloseTo(4_000_000, -3)
  })

  it('says nothing before a second of history, and nothing when stalled', () => {
    expect(bytesPerSecond([{ at: 0, bytes: 0 }, { at: 500, bytes: 1000 }])).toBeNull()
    expect(secondsLeft(10, 100, 0)).toBeNull()
    expect(formatTimeLeft(null)).toBeNull()
  })

  it('a resumed upload starts its window at the resume point', () => {
    const samples = addSample(addSample([], { at: 0, bytes: 50_000_000 }), { at: 2000, bytes: 52_000_000 })
    expect(bytesPerSecond(samples)).toBe(1_000_000)
    expect(secondsLeft(52_000_000, 100_000_000, 1_000_000)).toBe(48)
  })

  it('reads well', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(4 * 1024 ** 3)).toBe('4 GB')
    expect(formatTimeLeft(12.4)).toBe('12 s left')
    expect(formatTimeLeft(150)).toBe('about 3 min left')
    expect(formatTimeLeft(3 * 3600 + 20 * 60)).toBe('about 3 h 20 min left')
    expect(percent(999, 1000)).toBe(99)
    expect(percent(0, 0)).toBe(0)
  })
})
