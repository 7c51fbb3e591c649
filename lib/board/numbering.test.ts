import { describe, expect, it } from 'vitest'
import { labelShots, letterIndex, lettersFor, type NumberableShot } from './numbering'

const auto = (lock?: { sceneId: string; letters: string }): NumberableShot => ({ number: { kind: 'auto' }, numberLock: lock ?? null })
const custom = (label: string): NumberableShot => ({ number: { kind: 'custom', label }, numberLock: null })
const labels = (shots: NumberableShot[], honourLocks = true) => labelShots(4, 'scene-4', shots, honourLocks).map((l) => l.label)

describe('shot letters', () => {
  it('skip I and O, and continue AA, AB … after Z', () => {
    const first = Array.from({ length: 26 }, (_, i) => lettersFor(i))
    expect(first.slice(0, 9)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J'])
    expect(first).not.toContain('I')
    expect(first).not.toContain('O')
    expect(first.slice(22)).toEqual(['Y', 'Z', 'AA', 'AB'])
    expect(lettersFor(24 + 24 * 24)).toBe('AAA')
  })

  it('letterIndex inverts lettersFor and rejects anything else', () => {
    for (let i = 0; i < 700; i++) expect(letterIndex(lettersFor(i))).toBe(i)
    expect(letterIndex('I')).toBe(-1)
    expect(letterIndex('a')).toBe(-1)
    expect(letterIndex('')).toBe(-1)
  })
})

describe('labelShots', () => {
  it('letters shots of scene N as NA, NB … and keeps custom labels without using up a letter', () => {
    expect(labels([auto(), custom('PU1'), auto(), auto()])).toEqual(['4A', 'PU1', '4B', '4C'])
  })

  it('never prints a letter a custom label already spells', () => {
    expect(labels([custom('4A'), auto(), auto()])).toEqual(['4A', '4B', '4C'])
  })

  it('keeps locked letters and gives unlocked shots the letters after the highest lock', () => {
    const shots = [auto({ sceneId: 'scene-4', letters: 'A' }), auto(), auto({ sceneId: 'scene-4', letters: 'B' })]
    expect(labels(shots)).toEqual(['4A', '4C', '4B'])
    // Without locks (what renumber locks in) they are lettered in order again.
    expect(labels(shots, false)).toEqual(['4A', '4B', '4C'])
  })

  it("ignores a lock made in another scene (the shot was moved) and a letter claimed twice", () => {
    const shots = [auto({ sceneId: 'scene-4', letters: 'B' }), auto({ sceneId: 'scene-9', letters: 'A' }), auto({ sceneId: 'scene-4', letters: 'B' })]
    expect(labels(shots)).toEqual(['4B', '4C', '4D'])
  })
})
