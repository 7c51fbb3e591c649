import { describe, expect, it } from 'vitest'
import { backgroundRequestSchema, promptWithStyle } from './background-request'

describe('backgroundRequestSchema', () => {
  const schema = backgroundRequestSchema(20)

  it('fills in one variation and no style', () => {
    expect(schema.parse({ prompt: '  desert road  ' })).toEqual({ prompt: 'desert road', stylePreset: 'none', variations: 1, negativePrompt: undefined })
  })

  it('says how long the prompt may be and how long it is', () => {
    const result = schema.safeParse({ prompt: 'x'.repeat(25) })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('The prompt is too long: keep it to 20 characters (it has 25).')
  })

  it('refuses an empty prompt, too many variations, a fractional seed and unknown keys', () => {
    expect(schema.safeParse({ prompt: '   ' }).error?.issues[0]?.message).toMatch(/Describe the background/)
    expect(schema.safeParse({ prompt: 'a', variations: 5 }).error?.issues[0]?.message).toMatch(/at most 4/)
    expect(schema.safeParse({ prompt: 'a', seed: 1.5 }).success).toBe(false)
    expect(schema.safeParse({ prompt: 'a', provider: 'openai' }).success).toBe(false)
  })
})

describe('promptWithStyle', () => {
  it('adds the preset words to the prompt, and nothing for "as written"', () => {
    expect(promptWithStyle('a barn', 'none')).toBe('a barn')
    expect(promptWithStyle('a barn', 'watercolor')).toBe('a barn. watercolour painting, soft washes')
  })
})
