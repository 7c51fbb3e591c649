// The Animatic page labels AI motion from the server's video model setting.
import { describe, expect, it } from 'vitest'
import { aiConfigFromEnv } from '@/server/ai/ai-config'
import { getMotionGenerator } from './get-motion-generator'

describe('getMotionGenerator', () => {
  it('says the offline generator when AI_VIDEO_MODEL is unset', () => {
    expect(getMotionGenerator(aiConfigFromEnv({}))).toEqual({ offline: true })
  })

  it('names a configured provider and model', () => {
    expect(getMotionGenerator(aiConfigFromEnv({ AI_VIDEO_MODEL: 'fal:luma-ray-2', FAL_KEY: 'k' }))).toEqual({ offline: false, label: 'fal · luma-ray-2' })
  })
})
