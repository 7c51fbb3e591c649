import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '@/lib/errors'
import { audioLimitsFromEnv } from './audio-limits'
import { makeClip, tempFolder } from './testing/clips'
import { validateAudioUpload } from './validate-audio-upload'

let folder: Awaited<ReturnType<typeof tempFolder>>
const file = (name: string) => path.join(folder.dir, name)
beforeAll(async () => {
  folder = await tempFolder()
})
afterAll(() => folder.cleanup())

const limits = audioLimitsFromEnv({})
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the upload to be refused')
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(AppError)
      return error as AppError
    },
  )

describe('audioLimitsFromEnv', () => {
  it('allows 200 MB unless MAX_AUDIO_BYTES says otherwise, and names the variable when it is wrong', () => {
    expect(audioLimitsFromEnv({}).maxBytes).toBe(200 * 1024 * 1024)
    expect(audioLimitsFromEnv({ MAX_AUDIO_BYTES: '' }).maxBytes).toBe(200 * 1024 * 1024)
    expect(audioLimitsFromEnv({ MAX_AUDIO_BYTES: '1048576' }).maxBytes).toBe(1048576)
    expect(() => audioLimitsFromEnv({ MAX_AUDIO_BYTES: '200MB' })).toThrow(/MAX_AUDIO_BYTES must be a positive whole number/)
  })
})

describe('validateAudioUpload accepts', () => {
  const formats = {
    'WAV': { name: 'take.wav', codecArgs: [], mime: 'audio/wav', codec: 'pcm_s16le' },
    'MP3': { name: 'score.mp3', codecArgs: ['-c:a', 'libmp3lame'], mime: 'audio/mpeg', codec: 'mp3' },
    'M4A (AAC)': { name: 'voice.m4a', codecArgs: ['-c:a', 'aac'], mime: 'audio/mp4', codec: 'aac' },
    'raw AAC (ADTS)': { name: 'voice.aac', codecArgs: ['-c:a', 'aac', '-f', 'adts'], mime: 'audio/aac', codec: 'aac' },
    'FLAC': { name: 'score.flac', codecArgs: ['-c:a', 'flac'], mime: 'audio/flac', codec: 'flac' },
    'Ogg Vorbis': { name: 'score.ogg', codecArgs: ['-c:a', 'libvorbis'], mime: 'audio/ogg', codec: 'vorbis' },
    'Opus': { name: 'voice.opus', codecArgs: ['-c:a', 'libopus'], mime: 'audio/ogg', codec: 'opus' },
  }
  for (const [label, { name, codecArgs, mime, codec }] of Object.entries(formats)) {
    it(label, async () => {
      await makeClip(file(name), { video: null, audio: 'sine=f=440:d=1.5', codecArgs })
      const audio = await validateAudioUpload(file(name), { limits })
      expect(audio.mime).toBe(mime)
      expect(audio.probe.audio.codec).toBe(codec)
      expect(audio.durationSeconds).toBeGreaterThan(1.4)
      expect(audio.durationSeconds).toBeLessThan(1.6)
    })
  }
})

describe('validateAudioUpload refuses', () => {
  it('an HTML page renamed .mp3, before ffprobe sees it (415)', async () => {
    await fs.writeFile(file('page.mp3'), '<!doctype html><html><body>Not a song</body></html>')
    const error = await refusal(validateAudioUpload(file('page.mp3'), { limits }))
    expect(error.status).toBe(415)
    expect(error.userMessage).toBe('This file is not a sound file. We accept WAV, MP3, M4A/AAC, FLAC and OGG/Opus files.')
  })

  it('an empty file', async () => {
    await fs.writeFile(file('empty.wav'), '')
    expect((await refusal(validateAudioUpload(file('empty.wav'), { limits }))).userMessage).toBe('The file is empty.')
  })

  it('a video with no sound, renamed .m4a', async () => {
    await makeClip(file('picture.mp4'))
    await fs.rename(file('picture.mp4'), file('picture.m4a'))
    const error = await refusal(validateAudioUpload(file('picture.m4a'), { limits }))
    expect(error.status).toBe(415)
    expect(error.userMessage).toMatch(/^This is a video, not a sound file/)
  })

  it('a video with sound: the picture would be thrown away unseen', async () => {
    await makeClip(file('cut.mp4'), { audio: 'sine=d=1' })
    expect((await refusal(validateAudioUpload(file('cut.mp4'), { limits }))).userMessage).toMatch(/^This is a video, not a sound file/)
  })

  it('a WAV header over garbage', async () => {
    const bytes = Buffer.alloc(4096, 0x5a)
    bytes.write('RIFF', 0, 'ascii')
    bytes.write('WAVE', 8, 'ascii')
    await fs.writeFile(file('broken.wav'), bytes)
    expect((await refusal(validateAudioUpload(file('broken.wav'), { limits }))).userMessage).toMatch(/could not be read|no sound/)
  })

  it('a track longer than the limit', async () => {
    await makeClip(file('long.wav'), { video: null, audio: 'sine=d=3', codecArgs: [] })
    expect((await refusal(validateAudioUpload(file('long.wav'), { limits: { maxSeconds: 2 } }))).userMessage).toBe('This sound file runs 3 s; the longest we accept is 2 s.')
  })
})
