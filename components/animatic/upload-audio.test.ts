import { describe, expect, it } from 'vitest'
import { audioUploadHeaders, formatTrackLength } from './upload-audio'

describe('audioUploadHeaders', () => {
  it('percent-encodes the file name and sends the declaration', () => {
    expect(audioUploadHeaders({ name: 'Thème – v2.wav' }, { category: 'music', origin: 'human', provider: 'ignored', model: 'ignored' })).toEqual({
      'X-Filename': 'Th%C3%A8me%20%E2%80%93%20v2.wav',
      'X-Storyreel-Category': 'music',
      'X-Storyreel-Origin': 'human',
    })
  })

  it('names the model only for an AI-generated track', () => {
    expect(audioUploadHeaders({ name: 'vo.m4a' }, { category: 'voice_audio', origin: 'ai_generated', provider: ' elevenlabs ', model: 'eleven v2' })).toMatchObject({
      'X-Storyreel-AI-Provider': 'elevenlabs',
      'X-Storyreel-AI-Model': 'eleven%20v2',
    })
  })
})

describe('formatTrackLength', () => {
  it('reads as minutes and seconds', () => {
    expect(formatTrackLength(65.4)).toBe('1:05')
    expect(formatTrackLength(null)).toBe('—')
  })
})
