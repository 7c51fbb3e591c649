import { describe, expect, it } from 'vitest'
import { readPromptScene } from './prompt-scene'
import { hashString, seededRandom } from './seeded-random'

describe('readPromptScene', () => {
  it('reads time, place, weather and mood from ordinary words', () => {
    expect(readPromptScene('EXT. City street at night, rain, ominous neon')).toMatchObject({ time: 'night', setting: 'city', weather: 'rain', mood: 'eerie' })
    expect(readPromptScene('A desert at sunset, warm and nostalgic')).toMatchObject({ time: 'sunset', setting: 'desert', weather: 'clear', mood: 'warm' })
    expect(readPromptScene('misty pine forest at dawn')).toMatchObject({ time: 'dawn', setting: 'forest', weather: 'fog' })
    expect(readPromptScene('INT. kitchen, morning')).toMatchObject({ setting: 'interior', time: 'dawn' })
  })

  it('falls back to a clear day over fields for a prompt it cannot read', () => {
    expect(readPromptScene('Marguerite waits')).toEqual({ time: 'day', setting: 'fields', weather: 'clear', mood: 'neutral', matched: [] })
  })

  it('matches whole words, not parts of words', () => {
    // "seasoned" holds "sea", "standard" holds "sand"
    expect(readPromptScene('a seasoned standard bearer').setting).toBe('fields')
  })
})

describe('seededRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = seededRandom(42)
    const b = seededRandom(42)
    const c = seededRandom(hashString('other', 42))
    const first = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first)
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first)
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true)
  })
})
