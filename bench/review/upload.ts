// npx tsx bench/review/upload.ts — upload throughput on loopback: our resumable cut upload (the real tus server and
// client, 50 MiB chunks as the browser hook sends, access checks on every request, then the finish step: ffprobe
// vetting, copy + sha256 into media storage, the version row and the queued processing job) against a plain HTTP PUT
// of the same file streamed to disk by a bare node server. Runs are interleaved so machine noise hits both alike.
// The file is a generated ~190 MB H.264 clip (lossless, noisy, so it does not compress).
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { promisify } from 'node:util'
import { Upload } from 'tus-js-client'
import { openTestQueue } from '../../server/jobs/testing/test-queue'
import { resolveFfmpeg } from '../../server/media/ffmpeg'
import { createCutUploadServer } from '../../server/media/upload/cut-upload-server'
import { serveWebHandler } from '../../server/media/upload/testing/serve-web-handler'
import { useTemporaryMediaStorage } from '../../server/services/assets/testing'
import { createProject } from '../../server/services/projects/create-project'
import { checkCutUpload } from '../../server/services/review/check-cut-upload'
import { createReviewItem } from '../../server/services/review/create-review-item'
import { finishCutUpload } from '../../server/services/review/finish-cut-upload'
import { seedTeam } from '../../server/services/testing/fixtures'

const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const CHUNK = 50 * 1024 * 1024
const run = promisify(execFile)

async function makeSource(dir: string): Promise<string> {
  const file = path.join(dir, 'cut.mp4')
  await run(resolveFfmpeg().path, [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=s=1920x1080:r=25:d=2', '-vf', 'noise=alls=60:allf=t',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '0', '-pix_fmt', 'yuv420p', file,
  ])
  return file
}

/** A bare upload endpoint: the request body streamed straight into a file, nothing checked. */
async function startPlainServer(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  let count = 0
  const server = http.createServer((request, response) => {
    const target = path.join(dir, `plain-${count++}.bin`)
    pipeline(request, fs.createWriteStream(target))
      .then(() => response.writeHead(204).end())
      .catch(() => response.writeHead(500).end())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

function plainPut(origin: string, file: string, bytes: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${origin}/upload`, { method: 'PUT', headers: { 'content-length': bytes } }, (response) => {
      response.resume()
      response.on('end', () => (response.statusCode === 204 ? resolve() : reject(new Error(`plain PUT answered ${response.statusCode}`))))
    })
    request.on('error', reject)
    fs.createReadStream(file).pipe(request)
  })
}

function tusUpload(origin: string, file: string, bytes: number, headers: Record<string, string>, metadata: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const upload = new Upload(fs.createReadStream(file), {
      endpoint: `${origin}/api/uploads`,
      uploadSize: bytes,
      chunkSize: CHUNK,
      metadata,
      headers,
      retryDelays: null,
      onSuccess: () => resolve(),
      onError: reject,
    })
    upload.start()
  })
}

async function main() {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'storyreel-bench-upload-'))
  const queue = await openTestQueue()
  const media = await useTemporaryMediaStorage()
  try {
    const source = await makeSource(dir)
    const bytes = (await fsp.stat(source)).size
    const team = await seedTeam('Bench')
    const { projectId } = await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'Bench', frameRate: '25', resolution: '1920x1080' })
    const { reviewItemId } = await createReviewItem({ actor: team.owner, projectId, title: 'Upload bench', kind: 'cut' })

    const finishTimes: number[] = []
    const server = createCutUploadServer({
      path: '/api/uploads',
      directory: path.join(dir, 'uploads'),
      maxBytes: 4 * 1024 ** 3,
      // Stands in for the session cookie, as in the endpoint's own tests.
      authenticate: async (request) => (request.headers.get('x-bench-user') === team.owner.userId ? team.owner : null),
      authorize: async (actor, target) => void (await checkCutUpload({ actor, ...target })),
      finish: async (actor, target, filePath) => {
        const started = performance.now()
        try {
          return await finishCutUpload({ actor, ...target, filePath })
        } finally {
          finishTimes.push(performance.now() - started)
        }
      },
    })
    const ours = await serveWebHandler((request) => server.handle(request))
    const plain = await startPlainServer(dir)

    const oursMs: number[] = []
    const plainMs: number[] = []
    for (let index = 0; index < RUNS; index++) {
      let started = performance.now()
      await tusUpload(ours.origin, source, bytes, { 'x-bench-user': team.owner.userId }, { projectId, reviewItemId, filename: 'cut.mp4' })
      oursMs.push(performance.now() - started)
      started = performance.now()
      await plainPut(plain.origin, source, bytes)
      plainMs.push(performance.now() - started)
      await fsp.rm(path.join(dir, `plain-${index}.bin`), { force: true })
    }
    await ours.close()
    await plain.close()

    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN
    const mbps = (ms: number) => (bytes / 1024 / 1024 / (ms / 1000)).toFixed(0)
    const load = os.loadavg().map((value) => value.toFixed(1)).join(' / ')
    const [oursMedian, plainMedian, finishMedian] = [median(oursMs), median(plainMs), median(finishTimes)]
    console.log(`\nCut upload on loopback, ${(bytes / 1024 / 1024).toFixed(0)} MiB file, ${RUNS} runs each (median), ${os.cpus().length} cores, load ${load}\n`)
    console.log('| path | total s | MiB/s | of which finish s | × plain PUT |')
    console.log('| --- | ---: | ---: | ---: | ---: |')
    console.log(`| ours: tus, 50 MiB chunks, checks + finish | ${(oursMedian / 1000).toFixed(2)} | ${mbps(oursMedian)} | ${(finishMedian / 1000).toFixed(2)} | ${(oursMedian / plainMedian).toFixed(2)}× |`)
    console.log(`| ours, transfer alone (total − finish) | ${((oursMedian - finishMedian) / 1000).toFixed(2)} | ${mbps(oursMedian - finishMedian)} | | ${((oursMedian - finishMedian) / plainMedian).toFixed(2)}× |`)
    console.log(`| plain HTTP PUT streamed to disk | ${(plainMedian / 1000).toFixed(2)} | ${mbps(plainMedian)} | | 1.00× |`)
  } finally {
    await queue.close()
    await media.cleanup()
    await fsp.rm(dir, { recursive: true, force: true })
  }
  process.exit(0)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
