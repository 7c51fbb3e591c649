// npx tsx bench/review/transcode.ts — our review proxy transcode (transcodeProxy: probe-driven settings, -progress
// parsing, abort wiring) against one plain ffmpeg command with the same encode settings, on a generated 10 s
// 1280×720 25 fps clip with sound. Runs are interleaved (ours, plain, ours, …) so machine noise hits both alike.
// Prints a Markdown table; the ratio is what to read on a shared, noisy machine.
import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { resolveFfmpeg, validateVideoUpload } from '../../server/media/ffmpeg'
import { proxyScaleFilter } from '../../server/media/transcode/proxy-settings'
import { transcodeProxy } from '../../server/media/transcode/transcode-proxy'

const RUNS = 3
const run = promisify(execFile)

async function main() {
  const ffmpeg = resolveFfmpeg().path
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'storyreel-bench-transcode-'))
  try {
    const source = path.join(dir, 'source.mp4')
    await run(ffmpeg, [
      '-hide_banner', '-loglevel', 'error', '-y',
      '-f', 'lavfi', '-i', 'testsrc2=s=1280x720:r=25:d=10', '-f', 'lavfi', '-i', 'sine=f=440:d=10',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', source,
    ])
    const { probe } = await validateVideoUpload(source)

    // The same encode as transcodeProxy writes for this source (1280×720 fits, 25 fps → keyint 25).
    const plainArgs = (output: string) => [
      '-hide_banner', '-nostdin', '-loglevel', 'error', '-i', source,
      '-map', '0:v:0', '-map', '0:a:0', '-map_metadata', '-1', '-sn', '-dn',
      '-vf', `${proxyScaleFilter},setsar=1,format=yuv420p`, '-fps_mode', 'cfr', '-r', '25/1',
      '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p', '-profile:v', 'high',
      '-g', '25', '-keyint_min', '25', '-sc_threshold', '0', '-video_track_timescale', '10000',
      '-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart', '-f', 'mp4', '-y', output,
    ]

    const ours: number[] = []
    const plain: number[] = []
    for (let index = 0; index < RUNS; index++) {
      let started = performance.now()
      await transcodeProxy({ inputPath: source, outputPath: path.join(dir, `ours-${index}.mp4`), probe })
      ours.push(performance.now() - started)
      started = performance.now()
      await run(ffmpeg, plainArgs(path.join(dir, `plain-${index}.mp4`)))
      plain.push(performance.now() - started)
    }

    const seconds = (ms: number) => (ms / 1000).toFixed(2)
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN
    console.log(`\nReview proxy transcode, 10 s 1280×720 25 fps + AAC source, ${RUNS} runs each, ${os.cpus().length} cores\n`)
    console.log('| run | transcodeProxy (s) | plain ffmpeg (s) | ratio |')
    console.log('|---|---|---|---|')
    for (let index = 0; index < RUNS; index++) {
      const a = ours[index] ?? NaN
      const b = plain[index] ?? NaN
      console.log(`| ${index + 1} | ${seconds(a)} | ${seconds(b)} | ${(a / b).toFixed(2)} |`)
    }
    console.log(`| median | ${seconds(median(ours))} | ${seconds(median(plain))} | ${(median(ours) / median(plain)).toFixed(2)} |`)
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}

await main()
