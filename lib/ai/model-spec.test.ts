import { describe, expect, it } from 'vitest'
import { parseImageModelSpec, parseVideoModelSpec } from './model-spec'

describe('parseImageModelSpec', () => {
  it.each([
    ['offline:backdrop-1', 'offline', 'backdrop-1'],
    ['openai:gpt-image-1', 'openai', 'gpt-image-1'],
    ['OpenAI:dall-e-3', 'openai', 'dall-e-3'],
    ['openai-compatible:stabilityai/sdxl-turbo', 'openai-compatible', 'stabilityai/sdxl-turbo'],
    ['fal:fal-ai/flux/dev', 'fal', 'fal-ai/flux/dev'],
    ['replicate:black-forest-labs/flux-schnell', 'replicate', 'black-forest-labs/flux-schnell'],
  ])('accepts %s', (value, provider, modelId) => {
    expect(parseImageModelSpec(value)).toEqual({ ok: true, spec: { provider, modelId } })
  })

  it.each([
    ['midjourney:v6', /unknown provider "midjourney"/],
    ['openai', /no model after "openai:"/],
    ['openai:gpt-imag-1', /unknown model "gpt-imag-1" for openai/],
    ['offline:backdrop-9', /unknown model "backdrop-9" for offline/],
    ['fal:flux', /unknown model "flux" for fal/],
    ['replicate:flux-schnell', /unknown model "flux-schnell" for replicate/],
  ])('refuses %s with a message that says what is wrong', (value, message) => {
    const parsed = parseImageModelSpec(value)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.message).toMatch(message)
  })
})

describe('parseVideoModelSpec', () => {
  it('knows the offline motion model and fal video models, and nothing that cannot make video', () => {
    expect(parseVideoModelSpec('offline:motion-1').ok).toBe(true)
    expect(parseVideoModelSpec('fal:luma-ray-2').ok).toBe(true)
    expect(parseVideoModelSpec('openai:gpt-image-1')).toMatchObject({ ok: false, message: expect.stringMatching(/unknown provider "openai"/) })
  })
})
