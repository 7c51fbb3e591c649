import { describe, expect, it } from 'vitest'
import { chooseFrameRate, parseRational, readProbe } from './probe-result'

describe('parseRational', () => {
  it('reads ffprobe rates in lowest terms and refuses unknown ones', () => {
    expect(parseRational('30000/1001')).toEqual({ numerator: 30000, denominator: 1001 })
    expect(parseRational('50/2')).toEqual({ numerator: 25, denominator: 1 })
    for (const unknown of ['0/0', '25/0', '', '25', 'x/y', undefined]) expect(parseRational(unknown)).toBeNull()
  })
})

describe('chooseFrameRate', () => {
  const rate = (numerator: number, denominator = 1) => ({ numerator, denominator })
  it('keeps the exact base rate when the measured average agrees', () => {
    expect(chooseFrameRate(rate(30000, 1001), rate(2997, 100))).toEqual(rate(30000, 1001))
  })
  it('trusts the measured average over a timebase-like base rate', () => {
    expect(chooseFrameRate(rate(90000), rate(24))).toEqual(rate(24))
  })
  it('uses whichever one is known', () => {
    expect(chooseFrameRate(null, rate(25))).toEqual(rate(25))
    expect(chooseFrameRate(rate(25), null)).toEqual(rate(25))
  })
})

describe('readProbe', () => {
  it('skips cover art, prefers nb_frames, and rejects output with no format', () => {
    const probe = readProbe({
      streams: [
        { codec_type: 'video', codec_name: 'mjpeg', width: 600, height: 600, disposition: { attached_pic: 1 } },
        { codec_type: 'video', codec_name: 'h264', width: 64, height: 48, r_frame_rate: '24/1', avg_frame_rate: '24/1', nb_frames: '47' },
      ],
      format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '2.000000' },
    })
    expect(probe.video).toEqual({ codec: 'h264', width: 64, height: 48, fps: { numerator: 24, denominator: 1 }, frameCount: 47 })
    expect(() => readProbe({ streams: [] })).toThrow()
  })
})
