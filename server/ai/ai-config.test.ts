import { describe, expect, it } from 'vitest'
import { loadEnv } from '@/server/env'
import { aiConfigFromEnv } from './ai-config'

describe('aiConfigFromEnv', () => {
  it('uses the offline generator, and opens no host, when nothing is configured', () => {
    const config = aiConfigFromEnv({})
    expect(config.image).toEqual({ provider: 'offline', modelId: 'backdrop-1' })
    expect(config.video).toEqual({ provider: 'offline', modelId: 'motion-1' })
    expect(config.allowedHosts).toEqual([])
    expect(config).toMatchObject({ maxPromptChars: 1000, ratePerMinute: 10, dailyImageBudget: 200, dailyVideoBudget: 100, maxRetries: 2 })
  })

  it('opens only the configured provider’s hosts', () => {
    expect(aiConfigFromEnv({ AI_IMAGE_MODEL: 'openai:gpt-image-1', OPENAI_API_KEY: 'sk', FAL_KEY: 'k' }).allowedHosts).toEqual(['api.openai.com'])
    expect(aiConfigFromEnv({ AI_IMAGE_MODEL: 'openai-compatible:flux', OPENAI_BASE_URL: 'http://GPU-box:8000/v1' }).allowedHosts).toEqual(['gpu-box:8000'])
    expect(aiConfigFromEnv({ AI_IMAGE_MODEL: 'fal:fal-ai/flux/dev', FAL_KEY: 'k', AI_ALLOWED_HOSTS: 'cdn.example.com' }).allowedHosts).toContain('*.fal.media')
  })

  it.each([
    [{ AI_IMAGE_MODEL: 'midjourney:v6' }, 'AI_IMAGE_MODEL: unknown provider "midjourney"'],
    [{ AI_IMAGE_MODEL: 'openai:gpt-imag-1', OPENAI_API_KEY: 'sk' }, 'AI_IMAGE_MODEL: unknown model "gpt-imag-1" for openai'],
    [{ AI_IMAGE_MODEL: 'openai:gpt-image-1' }, 'OPENAI_API_KEY: AI_IMAGE_MODEL uses OpenAI: set OPENAI_API_KEY'],
    [{ AI_IMAGE_MODEL: 'openai-compatible:flux' }, 'OPENAI_BASE_URL: AI_IMAGE_MODEL uses an OpenAI-compatible server'],
    [{ AI_VIDEO_MODEL: 'fal:luma-ray-2' }, 'FAL_KEY: AI_VIDEO_MODEL uses fal: set FAL_KEY'],
    [{ AI_IMAGE_MODEL: 'replicate:black-forest-labs/flux-schnell' }, 'REPLICATE_API_TOKEN'],
    [{ AI_VIDEO_MODEL: 'openai:sora' }, 'AI_VIDEO_MODEL: unknown provider "openai"'],
    [{ AI_MAX_PROMPT_CHARS: 'lots' }, 'AI_MAX_PROMPT_CHARS'],
    [{ AI_DAILY_VIDEO_BUDGET: '-1' }, 'AI_DAILY_VIDEO_BUDGET'],
    [{ AI_ALLOWED_HOSTS: 'https://cdn.example.com/' }, 'AI_ALLOWED_HOSTS: "https://cdn.example.com/" is not a host name'],
  ])('names the variable to fix: %j', (env, message) => {
    expect(() => aiConfigFromEnv(env)).toThrow(message)
  })

  it('stops the server at start-up with the same message', () => {
    expect(() => loadEnv({ NODE_ENV: 'test', AI_IMAGE_MODEL: 'midjourney:v6' })).toThrow(/AI_IMAGE_MODEL: unknown provider "midjourney"/)
    expect(loadEnv({ NODE_ENV: 'test' }).AI_IMAGE_MODEL).toBe('offline:backdrop-1')
  })
})
