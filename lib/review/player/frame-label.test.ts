import { describe, expect, it } from 'vitest'
import { frameRateById } from '@/lib/frame-rates'
import { frameLabel, timecodeOrNull } from './frame-label'

describe('frameLabel', () => {
  it('shows timecode from the start timecode, with ; at drop-frame rates', () => {
    expect(frameLabel(48, { rate: frameRateById('25'), startTimecode: '01:00:00:00' }, 'timecode')).toBe('01:00:01:23')
    expect(frameLabel(1800, { rate: frameRateById('29.97DF'), startTimecode: '00:00:00;00' }, 'timecode')).toBe('00:01:00;02')
    expect(frameLabel(96, { rate: frameRateById('23.976'), startTimecode: '00:00:00:00' }, 'timecode')).toBe('00:00:04:00')
  })

  it('shows frame numbers on request, and when the rate has no timecode', () => {
    expect(frameLabel(48, { rate: frameRateById('25'), startTimecode: '01:00:00:00' }, 'frames')).toBe('48')
    const odd = { rate: { numerator: 25, denominator: 2, dropFrame: false }, startTimecode: '00:00:00:00' }
    expect(timecodeOrNull(5, odd)).toBeNull()
    expect(frameLabel(5, odd, 'timecode')).toBe('5')
  })
})
