// npm run bench:render — our animatic renderer (frames drawn with @napi-rs/canvas, streamed raw to one ffmpeg) against
// the equivalent single ffmpeg command (zoompan for the camera moves, an xfade chain for the dissolves), on the same
// 60 panel drawings (1920×1080 PNGs) × 3 s at 24 fps, at 720p and 1080p, same x264 preset and CRF, no overlays
// (the filtergraph has none). Runs alternate ours / filtergraph so machine noise hits both alike. Each run is its own
// process tree; peak RSS is the tree's (node + ffmpeg for ours), sampled every 50 ms from /proc. A shorter animatic
// (20 panels) and one with overlays on are rendered our way too, to show memory does not follow length and what text costs.
//
// Settings by environment: BENCH_PANELS (60), BENCH_SECONDS (3), BENCH_RESOLUTIONS (720p,1080p), BENCH_PRESET
// (superfast), BENCH_CRF (20), BENCH_RUNS (1).
import { execFile, spawn } from 'node:child_process'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { createCanvas } from '@napi-rs/canvas'
import { moveFramings } from '../../lib/animatic'
import { animaticResolutions, type AnimaticResolution } from '../../server/media/animatic/render-animatic'
import { resolveFfmpeg, resolveFfprobe } from '../../server/media/ffmpeg'
import { dissolveFrames, fps, moves, type Scenario } from './bench-scenario'

const run = promisify(execFile)
const panels = Number(process.env.BENCH_PANELS ?? 60)
const secondsPerPanel = Number(process.env.BENCH_SECONDS ?? 3)
const resolutions = (process.env.BENCH_RESOLUTIONS ?? '720p,1080p').split(',') as AnimaticResolution[]
const preset = (process.env.BENCH_PRESET ?? 'superfast') as Scenario['preset']
const crf = Number(process.env.BENCH_CRF ?? 20)
const runs = Number(process.env.BENCH_RUNS ?? 1)

interface Measured {
  seconds: number
  /** User + system CPU of the whole process tree: less at the mercy of other work on the machine than wall time. */
  cpuSeconds: number
  /** Ours only: the share of cpuSeconds spent in Node (planning, drawing, reading back, piping); the rest is ffmpeg. */
  nodeCpuSeconds?: number
  peakRssMb: number
  frames: number
}

async function main() {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'storyreel-bench-render-'))
  try {
    const pictures = await drawPictures(dir, panels)
    const rows: string[] = []
    const summary: string[] = []
    for (const resolution of resolutions) {
      const { width, height } = animaticResolutions[resolution]
      const scenario: Scenario = { panels, secondsPerPanel, width, height, preset, crf, overlays: false, pictures, output: '' }
      const contentSeconds = panels * secondsPerPanel
      const ours: Measured[] = []
      const graph: Measured[] = []
      for (let i = 0; i < runs; i++) {
        ours.push(await runOurs({ ...scenario, output: path.join(dir, `ours-${resolution}.mp4`) }))
        graph.push(await runFiltergraph({ ...scenario, output: path.join(dir, `graph-${resolution}.mp4`) }, dir))
      }
      const best = (list: Measured[]) => list.reduce((a, b) => (b.seconds < a.seconds ? b : a))
      const [o, g] = [best(ours), best(graph)]
      const label = `${panels} × ${secondsPerPanel} s, ${resolution}`
      rows.push(row(label, 'ours (canvas → ffmpeg)', o, contentSeconds, o.seconds / g.seconds))
      rows.push(row(label, 'zoompan + xfade filtergraph', g, contentSeconds, 1))
      summary.push(`${resolution}: ours ${(contentSeconds / o.seconds).toFixed(1)}× realtime, ${o.peakRssMb} MB peak; time ours/filtergraph ${(o.seconds / g.seconds).toFixed(2)}`)
      if (resolution === resolutions[0]) {
        const withText = await runOurs({ ...scenario, overlays: true, output: path.join(dir, `ours-text-${resolution}.mp4`) })
        rows.push(row(label, 'ours, with caption + label + timecode', withText, contentSeconds, withText.seconds / g.seconds))
        const shortPanels = Math.max(2, Math.round(panels / 3))
        const short = await runOurs({ ...scenario, panels: shortPanels, output: path.join(dir, `ours-short-${resolution}.mp4`) })
        rows.push(row(`${shortPanels} × ${secondsPerPanel} s, ${resolution}`, 'ours (a third of the length)', short, shortPanels * secondsPerPanel, null))
      }
    }
    console.log(`\nAnimatic render: ${panels} panels × ${secondsPerPanel} s at ${fps} fps, moves (${moves.map((m) => m.kind).join(', ')}) and ${dissolveFrames}-frame dissolves; libx264 -preset ${preset} -crf ${crf}; best of ${runs}; ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}\n`)
    console.log('| animatic | renderer | wall time | realtime factor | CPU time | peak RSS (process tree) | frames | time vs filtergraph |')
    console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |')
    for (const line of rows) console.log(line)
    console.log(`\n${summary.join('\n')}`)
  } finally {
    await fsp.rm(dir, { recursive: true, force: true })
  }
}

function row(label: string, renderer: string, m: Measured, contentSeconds: number, ratio: number | null): string {
  return `| ${label} | ${renderer} | ${m.seconds.toFixed(1)} s | ${(contentSeconds / m.seconds).toFixed(2)}× | ${m.cpuSeconds.toFixed(1)} s${m.nodeCpuSeconds === undefined ? '' : ` (Node ${m.nodeCpuSeconds.toFixed(1)} s)`} | ${m.peakRssMb} MB | ${m.frames} | ${ratio === null ? '—' : `${ratio.toFixed(2)}×`} |`
}

/** Distinct drawings so every panel is decoded for real: outlines on tinted paper, as a board looks. */
async function drawPictures(dir: string, count: number): Promise<string[]> {
  const files: string[] = []
  for (let i = 0; i < count; i++) {
    const canvas = createCanvas(1920, 1080)
    const ctx = canvas.getContext('2d')
    ctx.fillStyle = `hsl(${(i * 47) % 360}, 30%, 88%)`
    ctx.fillRect(0, 0, 1920, 1080)
    ctx.strokeStyle = '#1c1c1c'
    ctx.lineWidth = 7
    for (let j = 0; j < 14; j++) {
      ctx.beginPath()
      ctx.ellipse((i * 131 + j * 151) % 1800, (i * 71 + j * 97) % 1000, 60 + ((i + j) % 5) * 25, 40 + (j % 4) * 20, 0, 0, Math.PI * 2)
      ctx.stroke()
    }
    const file = path.join(dir, `panel-${i}.png`)
    await fsp.writeFile(file, canvas.encodeSync('png'))
    files.push(file)
  }
  return files
}

async function runOurs(scenario: Scenario): Promise<Measured> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'render-ours.ts'), JSON.stringify(scenario)], { stdio: ['ignore', 'pipe', 'inherit'] })
  let stdout = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  const { peakRssMb, cpuSeconds } = await watchTree(child)
  const { seconds, nodeCpuSeconds } = JSON.parse(stdout.trim().split('\n').at(-1)!) as { seconds: number; nodeCpuSeconds: number }
  return { seconds, cpuSeconds, nodeCpuSeconds, peakRssMb, frames: await countFrames(scenario.output) }
}

async function runFiltergraph(scenario: Scenario, dir: string): Promise<Measured> {
  const { width, height } = scenario
  const frames = scenario.secondsPerPanel * fps
  const inputs: string[] = []
  const chains: string[] = []
  for (let i = 0; i < scenario.panels; i++) {
    inputs.push('-i', scenario.pictures[i % scenario.pictures.length]!)
    const visible = frames + (i < scenario.panels - 1 ? dissolveFrames : 0)
    const { start, end } = moveFramings(moves[i % moves.length]!)
    // The same eased framing as lib/animatic: cubic ease-in-out over every frame the panel is seen.
    const t = `(on/${visible - 1})`
    const e = `if(lt(${t},0.5),4*pow(${t},3),1-pow(2-2*${t},3)/2)`
    const lerp = (a: number, b: number) => `(${a}+(${b - a})*${e})`
    chains.push(
      `[${i}:v]scale=${width}:${height}:force_original_aspect_ratio=decrease,pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2:white,` +
        `zoompan=z='1/${lerp(start.width, end.width)}':x='${lerp(start.x, end.x)}*iw':y='${lerp(start.y, end.y)}*ih':d=${visible}:s=${width}x${height}:fps=${fps},` +
        `format=yuv420p,setsar=1[v${i}]`,
    )
  }
  let last = 'v0'
  for (let i = 1; i < scenario.panels; i++) {
    const out = i === scenario.panels - 1 ? 'out' : `x${i}`
    chains.push(`[${last}][v${i}]xfade=transition=fade:duration=${dissolveFrames / fps}:offset=${i * scenario.secondsPerPanel}[${out}]`)
    last = out
  }
  if (scenario.panels === 1) chains.push('[v0]null[out]')
  const script = path.join(dir, 'graph.txt')
  await fsp.writeFile(script, chains.join(';\n'))
  const args = [
    '-hide_banner', '-nostdin', '-loglevel', 'error', ...inputs, '-filter_complex_script', script, '-map', '[out]',
    '-c:v', 'libx264', '-preset', scenario.preset, '-crf', String(scenario.crf), '-pix_fmt', 'yuv420p', '-r', String(fps),
    '-movflags', '+faststart', '-y', scenario.output,
  ]
  const started = performance.now()
  const child = spawn(resolveFfmpeg().path, args, { stdio: ['ignore', 'ignore', 'inherit'] })
  const { peakRssMb, cpuSeconds } = await watchTree(child)
  return { seconds: (performance.now() - started) / 1000, cpuSeconds, peakRssMb, frames: await countFrames(scenario.output) }
}

/** Waits for the process to exit, sampling the resident memory of it and its descendants; fails on a non-zero exit. */
async function watchTree(child: ReturnType<typeof spawn>): Promise<{ peakRssMb: number; cpuSeconds: number }> {
  const cpuBefore = childrenCpuSeconds()
  let peak = 0
  const timer = setInterval(() => (peak = Math.max(peak, treeRssKb(child.pid!))), 50)
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  clearInterval(timer)
  if (code !== 0) throw new Error(`benchmark process exited with ${code}`)
  return { peakRssMb: Math.round(peak / 1024), cpuSeconds: childrenCpuSeconds() - cpuBefore }
}

/** cutime + cstime of this process: the CPU of every child it has waited for, theirs (ffmpeg) included. */
function childrenCpuSeconds(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // Fields 16 and 17 of /proc/<pid>/stat, in clock ticks (100 a second on Linux).
  return (Number(fields[13]) + Number(fields[14])) / 100
}

function treeRssKb(root: number): number {
  const parents = new Map<number, number>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // exited meanwhile
    }
  }
  let total = 0
  for (const pid of parents.keys()) {
    let cursor: number | undefined = pid
    while (cursor && cursor !== root) cursor = parents.get(cursor)
    if (cursor !== root) continue
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
      total += match ? Number(match[1]) : 0
    } catch {
      // exited meanwhile
    }
  }
  return total
}

async function countFrames(file: string): Promise<number> {
  const { stdout } = await run(resolveFfprobe().path, ['-v', 'error', '-select_streams', 'v:0', '-count_packets', '-show_entries', 'stream=nb_read_packets', '-of', 'csv=p=0', file])
  return Number(stdout.trim())
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
