import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '@/lib/errors'
import { makeClip, makeClipDeclaring, tempFolder, truncateCopy } from './testing/clips'
import { validateVideoUpload } from './validate-video-upload'
import { videoLimitsFromEnv } from './video-limits'

let folder: Awaited<ReturnType<typeof tempFolder>>
const file = (name: string) => path.join(folder.dir, name)
beforeAll(async () => {
  folder = await tempFolder()
})
afterAll(() => folder.cleanup())

const defaults = videoLimitsFromEnv({})
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

describe('validateVideoUpload accepts', () => {
  const formats = {
    'MP4 with sound': { name: 'cut.mp4', options: { audio: 'sine=d=1' } },
    'QuickTime MOV': { name: 'cut.mov', options: {} },
    'Matroska': { name: 'cut.mkv', options: {} },
    'WebM (VP8)': { name: 'cut.webm', options: { codecArgs: ['-c:v', 'libvpx', '-deadline', 'realtime', '-b:v', '100k'] } },
    'AVI (MPEG-4 Part 2)': { name: 'cut.avi', options: { codecArgs: ['-c:v', 'mpeg4'] } },
    'MXF (MPEG-2)': { name: 'cut.mxf', options: { video: 'testsrc=s=64x48:r=25:d=1', codecArgs: ['-c:v', 'mpeg2video', '-f', 'mxf'] } },
  }
  for (const [label, { name, options }] of Object.entries(formats)) {
    it(label, async () => {
      await makeClip(file(name), options)
      const { probe } = await validateVideoUpload(file(name), { limits: defaults })
      expect(probe.video).toMatchObject({ width: 64, height: 48 })
      expect(probe.durationSeconds).toBeCloseTo(1, 1)
    })
  }
})

describe('validateVideoUpload refuses', () => {
  it('an HTML page renamed .mp4, before ffprobe sees it (415)', async () => {
    await fs.writeFile(file('page.mp4'), '<!doctype html><html><body>Not a video</body></html>')
    const error = await refusal(validateVideoUpload(file('page.mp4')))
    expect(error.status).toBe(415)
    expect(error.userMessage).toBe('This file is not a video. We accept MP4, MOV, MKV, WebM, AVI and MXF files.')
  })

  it('an HLS playlist renamed .mp4', async () => {
    await fs.writeFile(file('list.mp4'), '#EXTM3U\n#EXTINF:10,\nhttp://127.0.0.1:9/x.ts\n')
    expect((await refusal(validateVideoUpload(file('list.mp4')))).status).toBe(415)
  })

  it('an empty file', async () => {
    await fs.writeFile(file('empty.mp4'), '')
    expect((await refusal(validateVideoUpload(file('empty.mp4')))).userMessage).toBe('The file is empty.')
  })

  it('an MP4 cut short, with its index at the front (which ffprobe alone accepts) or at the end', async () => {
    const faststart = await makeClip(file('faststart.mp4'), {
      video: 'testsrc=s=64x48:r=24:d=2',
      codecArgs: ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-movflags', '+faststart'],
    })
    const indexAtEnd = await makeClip(file('index-at-end.mp4'), { video: 'testsrc=s=64x48:r=24:d=2' })
    for (const source of [faststart, indexAtEnd]) {
      const size = (await fs.stat(source)).size
      const cut = await truncateCopy(source, `${source}.part.mp4`, Math.floor(size * 0.6))
      expect((await refusal(validateVideoUpload(cut))).userMessage).toMatch(/incomplete; the upload may have been cut short/)
    }
  })

  it('a frame larger than MAX_VIDEO_PIXELS', async () => {
    await makeClipDeclaring(file('huge.mov'), 20000, 10000)
    const error = await refusal(validateVideoUpload(file('huge.mov'), { limits: defaults }))
    expect(error.userMessage).toBe('This video is 20000 × 10000 pixels; the largest frame we accept is 35.4 megapixels.')
  })

  it('a declared 20000 × 20000 frame, which ffprobe itself will not size', async () => {
    await makeClipDeclaring(file('huger.mov'), 20000, 20000)
    expect((await refusal(validateVideoUpload(file('huger.mov'), { limits: defaults }))).userMessage).toMatch(/frame size could not be read/)
  })

  it('a video longer than MAX_VIDEO_SECONDS: two frames declared to last ten hours', async () => {
    await makeClip(file('ten-hours.mp4'), { video: 'color=s=16x16:r=1/18000:d=36000' })
    const error = await refusal(validateVideoUpload(file('ten-hours.mp4'), { limits: defaults }))
    expect(error.userMessage).toBe('This video runs 10 h; the longest we accept is 4 h.')
  })

  it('by limits read from the environment', async () => {
    await makeClip(file('short.mp4'))
    const limits = videoLimitsFromEnv({ MAX_VIDEO_SECONDS: '0.5', MAX_VIDEO_PIXELS: '' })
    expect(limits.maxPixels).toBe(defaults.maxPixels)
    expect((await refusal(validateVideoUpload(file('short.mp4'), { limits }))).userMessage).toMatch(/^This video runs 1 s;/)
    const tiny = videoLimitsFromEnv({ MAX_VIDEO_PIXELS: '1000' })
    expect((await refusal(validateVideoUpload(file('short.mp4'), { limits: tiny }))).userMessage).toMatch(/64 × 48 pixels/)
  })

  it('a sound file in an MP4 container: no video track', async () => {
    await makeClip(file('sound.m4a'), { video: null, audio: 'sine=d=1', codecArgs: ['-c:a', 'aac'] })
    expect((await refusal(validateVideoUpload(file('sound.m4a')))).userMessage).toBe('This file has no video track.')
  })

  it('a file that looks like an MP4 but is garbage inside', async () => {
    const junk = Buffer.alloc(4096, 0x41)
    junk.writeUInt32BE(24, 0)
    junk.write('ftypisom', 4, 'latin1')
    junk.writeUInt32BE(4096 - 24, 24)
    junk.write('moov', 28, 'latin1')
    await fs.writeFile(file('junk.mp4'), junk)
    // ffprobe finds an MP4 with no tracks in it.
    expect((await refusal(validateVideoUpload(file('junk.mp4')))).userMessage).toBe('This file has no video track.')
  })
})
