import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { probeMedia } from '@/server/media/ffmpeg'
import { makeClip, tempFolder } from '@/server/media/ffmpeg/testing/clips'
import { checkAudioTrack } from './audio-track'

// The renderer's last look at the sound track before it feeds it to ffmpeg: read only with the demuxers of the sound
// formats we accept, so a stored file can never be read as a playlist that pulls in other local files.

let folder: Awaited<ReturnType<typeof tempFolder>>
const file = (name: string) => path.join(folder.dir, name)
beforeAll(async () => {
  folder = await tempFolder()
})
afterAll(() => folder.cleanup())

describe('checkAudioTrack', () => {
  it('accepts a WAV', async () => {
    await makeClip(file('tone.wav'), { video: null, audio: 'sine=d=1', codecArgs: [] })
    await expect(checkAudioTrack({ path: file('tone.wav'), name: 'tone.wav' })).resolves.toBeUndefined()
  })

  it('refuses an HLS playlist naming a local sound file, which ffprobe would otherwise read as sound', async () => {
    const outside = await makeClip(file('outside.ts'), { video: null, audio: 'sine=d=1', codecArgs: ['-c:a', 'aac', '-f', 'mpegts'] })
    await fs.writeFile(file('track'), `#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\nfile:${outside}\n#EXT-X-ENDLIST\n`)
    // The danger: with local files allowed, the playlist reads as a sound file made of another file on the server.
    expect((await probeMedia(file('track'))).audio).not.toBeNull()
    await expect(checkAudioTrack({ path: file('track'), name: 'theme.mp3' })).rejects.toMatchObject({
      userMessage: expect.stringMatching(/^"theme\.mp3" is not a sound file we can read/),
    })
  })
})
