import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { probeMedia, untrustedInput } from './probe-media'
import { FfmpegError, runFfmpeg, type FfmpegProgress } from './run-ffmpeg'
import { ProcessTimeoutError } from './run-process'
import { makeClip, tempFolder } from './testing/clips'

let folder: Awaited<ReturnType<typeof tempFolder>>
const file = (name: string) => path.join(folder.dir, name)
beforeAll(async () => {
  folder = await tempFolder()
})
afterAll(() => folder.cleanup())

const encode = (input: string, output: string, extra: string[] = []) => [
  ...extra,
  '-f', 'lavfi', '-i', input,
  '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p',
  '-y', output,
]

/** ffmpeg processes still running with this output path on their command line (Linux). */
function ffmpegProcessesWriting(output: string): string[] {
  if (process.platform !== 'linux') return []
  return fs.readdirSync('/proc').filter((pid) => {
    try {
      return /^\d+$/.test(pid) && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(output)
    } catch {
      return false
    }
  })
}

describe('runFfmpeg', () => {
  it('encodes and reports progress against the expected duration, ending at 1', async () => {
    const seen: FfmpegProgress[] = []
    const output = file('out.mp4')
    await runFfmpeg(encode('testsrc=s=64x48:r=24:d=2', output), {
      timeoutMs: 20_000,
      durationSeconds: 2,
      onProgress: (progress) => seen.push(progress),
    })
    expect(seen.at(-1)).toMatchObject({ fraction: 1, done: true, frame: 48 })
    const fractions = seen.map((p) => p.fraction ?? 0)
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b))
    expect((await probeMedia(output)).video?.frameCount).toBe(48)
  })

  it('kills ffmpeg on abort and removes the partial output', async () => {
    const output = file('aborted.mp4')
    const controller = new AbortController()
    const reason = new Error('render cancelled')
    let fractions = 0
    // -re reads the 2 s source in real time, so the encode is still running when we abort.
    const running = runFfmpeg(encode('testsrc=s=64x48:r=10:d=2', output, ['-re']), {
      timeoutMs: 20_000,
      durationSeconds: 2,
      signal: controller.signal,
      onProgress: (progress) => {
        fractions += 1
        if ((progress.fraction ?? 0) > 0) controller.abort(reason)
      },
    })
    await expect(running).rejects.toBe(reason)
    expect(fractions).toBeGreaterThan(0)
    expect(fs.existsSync(output)).toBe(false)
    expect(ffmpegProcessesWriting(output)).toEqual([])
  })

  it('kills ffmpeg at its time limit and removes the partial output', async () => {
    const output = file('slow.mp4')
    const running = runFfmpeg(encode('testsrc=s=64x48:r=10:d=2', output, ['-re']), { timeoutMs: 400 })
    await expect(running).rejects.toBeInstanceOf(ProcessTimeoutError)
    expect(fs.existsSync(output)).toBe(false)
    expect(ffmpegProcessesWriting(output)).toEqual([])
  })

  it('does not start when the signal is already aborted', async () => {
    const controller = new AbortController()
    controller.abort(new Error('cancelled before start'))
    await expect(runFfmpeg(encode('testsrc=d=1', file('never.mp4')), { timeoutMs: 5000, signal: controller.signal })).rejects.toThrow(
      'cancelled before start',
    )
    expect(fs.existsSync(file('never.mp4'))).toBe(false)
  })

  it('rejects with the last lines ffmpeg printed when it fails', async () => {
    const failing = runFfmpeg(['-i', `file:${file('missing.mov')}`, '-y', file('from-missing.mp4')], { timeoutMs: 5000 })
    await expect(failing).rejects.toBeInstanceOf(FfmpegError)
    await expect(failing).rejects.toThrow(/exited with code 1: .*No such file or directory/)
  })

  it('leaves a file that was there before the run alone', async () => {
    const existing = file('keep.mp4')
    fs.writeFileSync(existing, 'an earlier render')
    // Without -y, ffmpeg refuses to overwrite (stdin is closed, so it cannot ask).
    const args = ['-f', 'lavfi', '-i', 'testsrc=s=64x48:d=1', existing]
    await expect(runFfmpeg(args, { timeoutMs: 5000 })).rejects.toThrow(/already exists|Not overwriting/)
    expect(fs.readFileSync(existing, 'utf8')).toBe('an earlier render')
  })

  it('reads uploads through untrustedInput: a real clip transcodes, a playlist dressed as one is refused', async () => {
    const upload = await makeClip(file('upload.mov'))
    await runFfmpeg([...untrustedInput(upload), '-c:v', 'libx264', '-preset', 'ultrafast', '-y', file('proxy.mp4')], { timeoutMs: 10_000 })
    expect(fs.existsSync(file('proxy.mp4'))).toBe(true)

    fs.writeFileSync(file('upload2.mov'), '#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\nhttp://127.0.0.1:9/x.ts\n#EXT-X-ENDLIST\n')
    const refused = runFfmpeg([...untrustedInput(file('upload2.mov')), '-y', file('proxy2.mp4')], { timeoutMs: 10_000 })
    await expect(refused).rejects.toThrow("Protocol 'http' not on whitelist 'file,pipe'")
    expect(fs.existsSync(file('proxy2.mp4'))).toBe(false)
  })
})
