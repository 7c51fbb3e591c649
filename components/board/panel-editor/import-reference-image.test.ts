import { describe, expect, it } from 'vitest'
import { containInFrame } from './import-reference-image'

describe('containInFrame', () => {
  it('fits a tall reference image inside a 16:9 frame, centred, without distorting it', () => {
    expect(containInFrame({ width: 1000, height: 2000 }, { width: 1920, height: 1080 })).toEqual({ x: 690, y: 0, w: 540, h: 1080 })
  })
  it('scales a small wide image up to the frame width', () => {
    expect(containInFrame({ width: 400, height: 100 }, { width: 1920, height: 1080 })).toEqual({ x: 0, y: 300, w: 1920, h: 480 })
  })
})
