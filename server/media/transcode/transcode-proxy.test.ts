import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { probeMedia, resolveFfmpeg, validateVideoUpload } from '@/server/media/ffmpeg'
import { makeClip, tempFolder } from '@/server/media/ffmpeg/testing/clips'
import { keyframeInterval } from './proxy-settings'
import { inspectStreams, keyframeNumbers, topLevelBoxes } from './testing/inspect-output'
import { transcodeProxy } from './transcode-proxy'

const execFileAsync = promisify(execFile)

let folder: Awaited<ReturnType<typeof tempFolder>>
const file = (name: string) => path.join(folder.dir, name)
beforeAll(async () => {
  folder = await tempFolder()
})
afterAll(() => folder.cleanup())

describe('keyframeInterval', () => {
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

      expect(size).toMatchObject({ width: 320, height: 240 })
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
    expect(await transcodeProxy({ inputPath: source, outputPath: output, probe })).toMatchObject({ width: 1920, height: 800 })
    expect((await inspectStreams(output))[0]).toMatchObject({ width: 1920, height: 800 })
  })

  it('keeps a portrait frame portrait, rounds odd sides down to even, and never upscales', async () => {
    const cases = [
      { source: 'testsrc2=s=1080x1920:r=5:d=0.4', expected: { width: 608, height: 1080 } },
      { source: 'testsrc2=s=321x241:r=5:d=0.4', expected: { width: 320, height: 240 } },
    ]
    for (const [index, { source: lavfi, expected }] of cases.entries()) {
      const source = await makeClip(file(`shape-${index}.mkv`), { video: lavfi, codecArgs: ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv444p'] })
      const { probe } = await validateVideoUpload(source)
      expect(await transcodeProxy({ inputPath: source, outputPath: file(`shape-${index}.mp4`), probe })).toMatchObject(expected)
    }
  })

  it('makes variable-rate footage constant at the probed rate, so the proxy has the frames the timeline counts', async () => {
    // 1 s at 25 fps, then frames twice as far apart: 50 frames over 2.96 s.
    const source = file('vfr.mkv')
    await execFileAsync(resolveFfmpeg().path, [
      '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=s=320x240:r=25:d=2',
      '-vf', "setpts='if(lt(N,25),N,25+(N-25)*2)/25/TB'", '-fps_mode', 'passthrough',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', source,
    ])
    const { probe } = await validateVideoUpload(source)
    expect(probe.video).toMatchObject({ fps: { numerator: 25, denominator: 1 }, frameCount: 74 })
    const output = file('vfr-proxy.mp4')
    await transcodeProxy({ inputPath: source, outputPath: output, probe })
    expect((await inspectStreams(output))[0]).toMatchObject({ r_frame_rate: '25/1', nb_read_frames: '74' })
  })

  it('turns phone footage flagged as rotated upright, reporting the size it came out at', async () => {
    const landscape = await makeClip(file('sensor.mp4'), { video: 'testsrc2=s=320x240:r=25:d=0.4' })
    const flagged = file('phone.mp4')
    await execFileAsync(resolveFfmpeg().path, ['-loglevel', 'error', '-y', '-i', landscape, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', flagged])
    const { probe } = await validateVideoUpload(flagged)
    expect(probe.video).toMatchObject({ width: 320, height: 240 })
    const output = file('phone-proxy.mp4')
    expect(await transcodeProxy({ inputPath: flagged, outputPath: output, probe })).toMatchObject({ width: 240, height: 320 })
    expect((await inspectStreams(output))[0]).toMatchObject({ width: 240, height: 320 })
  })

  it('reads its input only as a container we accept: a playlist naming another local file is refused, no proxy left', async () => {
    // The protocol whitelist allows file:, so without the format whitelist ffmpeg would happily transcode the clip
    // this playlist names from outside storage. Vetting stops such a file first; this is the second lock.
    const outside = await makeClip(file('outside.mp4'))
    const { probe } = await validateVideoUpload(outside)
    const playlist = file('smuggled.m3u8')
    await fs.writeFile(playlist, `#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\nfile:${outside}\n#EXT-X-ENDLIST\n`)
    const output = file('smuggled-proxy.mp4')
    await expect(transcodeProxy({ inputPath: playlist, outputPath: output, probe })).rejects.toMatchObject({
      name: 'FfmpegError',
      stderrTail: expect.arrayContaining([expect.stringContaining('Format not on whitelist')]),
    })
    await expect(fs.stat(output)).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
