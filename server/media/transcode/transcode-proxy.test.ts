import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { probeMedia, validateVideoUpload } from '@/server/media/ffmpeg'
import { makeClip, tempFolder } from '@/server/media/ffmpeg/testing/clips'
import { fitProxySize, keyframeInterval } from './proxy-settings'
import { inspectStreams, keyframeNumbers, topLevelBoxes } from './testing/inspect-output'
import { transcodeProxy } from './transcode-proxy'

let folder: Awaited<ReturnType<typeof tempFolder>>
const file = (name: string) => path.join(folder.dir, name)
beforeAll(async () => {
  folder = await tempFolder()
})
afterAll(() => folder.cleanup())

describe('fitProxySize and keyframeInterval', () => {
  it('fits inside 1080p keeping the aspect with even sides, and never upscales', () => {
    expect(fitProxySize(3840, 2160)).toEqual({ width: 1920, height: 1080 })
    expect(fitProxySize(4096, 1716)).toEqual({ width: 1920, height: 804 })
    expect(fitProxySize(1080, 1920)).toEqual({ width: 606, height: 1080 })
    expect(fitProxySize(321, 241)).toEqual({ width: 320, height: 240 })
  })
  it('puts a keyframe at least once a second', () => {
    expect(keyframeInterval({ numerator: 25, denominator: 1 })).toBe(25)
    expect(keyframeInterval({ numerator: 30000, denominator: 1001 })).toBe(29)
    expect(keyframeInterval({ numerator: 1, denominator: 2 })).toBe(1)
  })
})

describe('transcodeProxy', () => {
  const rates = [
    { label: '25 fps with sound', rate: '25', fps: { numerator: 25, denominator: 1 }, frames: 50, audio: 'sine=f=440:d=2' },
    { label: '29.97 fps, silent', rate: '30000/1001', fps: { numerator: 30000, denominator: 1001 }, frames: 60, audio: undefined },
  ]
  for (const { label, rate, fps, frames, audio } of rates) {
    it(`${label}: H.264/AAC yuv420p, same frames and rate, keyframe each second, index first`, async () => {
      const source = await makeClip(file(`source-${frames}.mov`), {
        video: `testsrc2=s=320x240:r=${rate}:d=2`,
        audio,
        codecArgs: ['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '250', '-pix_fmt', 'yuv444p', ...(audio ? ['-c:a', 'pcm_s16le'] : [])],
      })
      const { probe } = await validateVideoUpload(source)
      expect(probe.video.frameCount).toBe(frames)
      const output = file(`proxy-${frames}.mp4`)
      const fractions: number[] = []
      const size = await transcodeProxy({ inputPath: source, outputPath: output, probe, onProgress: (f) => fractions.push(f) })

      expect(size).toEqual({ width: 320, height: 240 })
      expect(fractions.at(-1)).toBe(1)
      const streams = await inspectStreams(output)
      const video = streams.find((s) => s.codec_type === 'video')
      expect(video).toMatchObject({ codec_name: 'h264', pix_fmt: 'yuv420p', width: 320, height: 240, nb_read_frames: String(frames) })
      expect((await probeMedia(output)).video?.fps).toEqual(fps)
      expect(streams.filter((s) => s.codec_type === 'audio').map((s) => s.codec_name)).toEqual(audio ? ['aac'] : [])
      // faststart: the index (moov) comes before the media data, right after the file type.
      const boxes = await topLevelBoxes(output, 10)
      expect(boxes.slice(0, 2)).toEqual(['ftyp', 'moov'])
      expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'))
      const keyframes = await keyframeNumbers(output, fps)
      expect(keyframes[0]).toBe(0)
      const gaps = [...keyframes.slice(1), frames].map((frame, index) => frame - (keyframes[index] ?? 0))
      expect(Math.max(...gaps)).toBeLessThanOrEqual(fps.numerator / fps.denominator)
    })
  }

  it('scales a frame larger than 1080p down to fit', async () => {
    const source = await makeClip(file('wide.mp4'), { video: 'testsrc2=s=2400x1000:r=5:d=0.4' })
    const { probe } = await validateVideoUpload(source)
    const output = file('wide-proxy.mp4')
    expect(await transcodeProxy({ inputPath: source, outputPath: output, probe })).toEqual({ width: 1920, height: 800 })
    expect((await inspectStreams(output))[0]).toMatchObject({ width: 1920, height: 800 })
  })
})
