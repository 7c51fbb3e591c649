import { describe, expect, it } from 'vitest'
import { panelAtFrame, type PanelMapEntry } from './panel-map'

const map: PanelMapEntry[] = [
  { panelId: 'a', label: 'Scene 1 · Shot 1A · panel 1', frameIn: 0, frameOut: 24 },
  { panelId: 'b', label: 'Scene 1 · Shot 1A · panel 2', frameIn: 24, frameOut: 30 },
  { panelId: 'c', label: 'Scene 2 · Shot 4A · panel 1', frameIn: 30, frameOut: 78 },
]

describe('panelAtFrame', () => {
  it('names the panel whose duration holds the frame, with exclusive ends', () => {
    expect(panelAtFrame(map, 0)?.panelId).toBe('a')
    expect(panelAtFrame(map, 23)?.panelId).toBe('a')
    expect(panelAtFrame(map, 24)?.panelId).toBe('b')
    expect(panelAtFrame(map, 29)?.panelId).toBe('b')
    expect(panelAtFrame(map, 30)?.panelId).toBe('c')
    expect(panelAtFrame(map, 77)?.panelId).toBe('c')
  })

  it('names nothing past the end or without a map', () => {
    expect(panelAtFrame(map, 78)).toBeNull()
    expect(panelAtFrame(null, 5)).toBeNull()
    expect(panelAtFrame([], 0)).toBeNull()
  })
})
