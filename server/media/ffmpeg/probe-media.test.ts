import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { probeMedia } from './probe-media'
import { ProcessFailedError, ProcessTimeoutError } from './run-process'
import { acceptedVideoDemuxers } from './sniff-video-container'
import { makeClip, makeGab2PlaylistAvi, tempFolder } from './testing/clips'

let folder: Awaited<ReturnType<typeof tempFolder>>
const file = (name: string) => path.join(folder.dir, name)

// A server that must never be asked for anything: playlists and concat lists below point at it.
const requests: string[] = []
const server = http.createServer((req, res) => {
  requests.push(req.url ?? '')
  res.end('#EXTM3U\n')
})
let origin: string

beforeAll(async () => {
  folder = await tempFolder()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await folder.cleanup()
})

describe('probeMedia', () => {
  it('reads container, duration, video and audio streams of an MP4', async () => {
    await makeClip(file('clip.mp4'), { audio: 'sine=d=1' })
    const probe = await probeMedia(file('clip.mp4'), { timeoutMs: 10_000 })
    expect(probe.container).toBe('mov,mp4,m4a,3gp,3g2,mj2')
    expect(probe.durationSeconds).toBeCloseTo(1, 1)
    expect(probe.video).toEqual({ codec: 'h264', width: 64, height: 48, fps: { numerator: 24, denominator: 1 }, frameCount: 24 })
    expect(probe.audio).toEqual({ codec: 'aac', sampleRate: 44100, channels: 1 })
  })

  it('keeps 29.97 as 30000/1001 and counts frames from the duration when the container has no frame count', async () => {
    await makeClip(file('ntsc.mkv'), { video: 'testsrc=s=64x48:r=30000/1001:d=1' })
    const probe = await probeMedia(file('ntsc.mkv'))
    expect(probe.container).toBe('matroska,webm')
    expect(probe.video?.fps).toEqual({ numerator: 30000, denominator: 1001 })
    expect(probe.video?.frameCount).toBe(30)
    expect(probe.audio).toBeNull()
  })

  describe('with files that point elsewhere', () => {
    const cases = {
      'an HLS playlist naming an http URL': `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n${'ORIGIN'}/segment.ts\n#EXT-X-ENDLIST\n`,
      'an HLS playlist naming file:///etc/passwd': '#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n',
      'a concat list naming an http URL': `ffconcat version 1.0\nfile '${'ORIGIN'}/clip.mp4'\n`,
      'a concat list naming file:///etc/passwd': "ffconcat version 1.0\nfile 'file:///etc/passwd'\n",
    }
    for (const [label, body] of Object.entries(cases)) {
      it(`refuses ${label} without fetching or reading it`, async () => {
        const name = file(`${label.replace(/\W+/g, '-')}.${label.includes('HLS') ? 'm3u8' : 'ffconcat'}`)
        await fs.writeFile(name, body.replaceAll('ORIGIN', origin))
        const probing = probeMedia(name)
        await expect(probing).rejects.toBeInstanceOf(ProcessFailedError)
        if (label === 'an HLS playlist naming an http URL') await expect(probing).rejects.toThrow("Protocol 'http' not on whitelist 'file,pipe'")
        expect(requests).toEqual([])
      })
    }

    it('refuses a concat list whose local entry is a playlist naming an http URL', async () => {
      // concat's own "safe" mode allows plain relative names; the whitelist still covers what that file opens.
      await fs.writeFile(file('inner.m3u8'), `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n${origin}/inner.ts\n#EXT-X-ENDLIST\n`)
      await fs.writeFile(file('outer.ffconcat'), "ffconcat version 1.0\nfile 'inner.m3u8'\n")
      await expect(probeMedia(file('outer.ffconcat'))).rejects.toThrow("Protocol 'http' not on whitelist 'file,pipe'")
      expect(requests).toEqual([])
    })

    it('refuses the same playlist when it is named .mp4', async () => {
      await fs.writeFile(file('playlist.mp4'), `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n${origin}/x.ts\n#EXT-X-ENDLIST\n`)
      await expect(probeMedia(file('playlist.mp4'))).rejects.toThrow('not on whitelist')
      expect(requests).toEqual([])
    })
  })

  describe('with a format whitelist', () => {
    it('refuses an HLS playlist naming a local clip, which the protocol whitelist alone lets ffprobe read', async () => {
      const outside = await makeClip(file('outside.ts'), { codecArgs: ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-f', 'mpegts'] })
      await fs.writeFile(file('local.m3u8'), `#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\nfile:${outside}\n#EXT-X-ENDLIST\n`)
      expect((await probeMedia(file('local.m3u8'))).video).toMatchObject({ width: 64, height: 48 })
      await expect(probeMedia(file('local.m3u8'), { formats: acceptedVideoDemuxers })).rejects.toThrow("Format not on whitelist 'mov,matroska,avi,mxf'")
    })

    it('reads an AVI whose GAB2 subtitle carries a playlist only as AVI: nothing it names is fetched', async () => {
      const playlist = `#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:1.0,\n${origin}/gab2.ts\n#EXTINF:1.0,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n`
      const avi = await makeGab2PlaylistAvi(file('gab2.avi'), playlist)
      const probe = await probeMedia(avi, { formats: ['avi'] })
      expect(probe).toMatchObject({ container: 'avi', video: null, audio: null })
      expect(requests).toEqual([])
    })
  })

  it.runIf(process.platform === 'linux')('kills ffprobe when it takes longer than the time limit', async () => {
    // A named pipe nobody writes to: ffprobe waits on it forever.
    await promisify(execFile)('mkfifo', [file('stuck.fifo')])
    const started = Date.now()
    await expect(probeMedia(file('stuck.fifo'), { timeoutMs: 300 })).rejects.toBeInstanceOf(ProcessTimeoutError)
    expect(Date.now() - started).toBeLessThan(3000)
  })
})
