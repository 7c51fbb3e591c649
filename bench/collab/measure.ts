// One interleaved measurement: every given server loaded in the same client run, in alternating slices, with its
// CPU, peak memory and event-loop delay sampled over the measured window.
import { performance } from 'node:perf_hooks'
import { runLoad, type ServerName, type ServerProcess } from './processes'
import type { LoadTarget } from './load-client'

export interface Row {
  scenario: string
  server: ServerName
  samples: number
  p50: number
  p95: number
  p99: number
  max: number
  lost: number
  expected: number
  rssMb: number
  /** CPU seconds per second of this server's own load slices (so 100 % is one full core). */
  serverCpu: number
  loopDelayMax: number
  clientCpu: number
}

export interface Load {
  rooms: number
  clientsPerRoom: number
  rateHz: number
  measureMs: number
}

const mb = (bytes: number) => bytes / 1024 / 1024

export async function measureInterleaved(
  scenario: string,
  servers: ServerProcess[],
  target: (server: ServerProcess, rooms: number) => LoadTarget,
  load: Load,
): Promise<Row[]> {
  const peakRss = new Map(servers.map((server) => [server, server.rssBytes()]))
  const sampler = setInterval(() => servers.forEach((server) => peakRss.set(server, Math.max(peakRss.get(server)!, server.rssBytes()))), 250)
  let windowStart = { at: 0, cpu: new Map<ServerProcess, number>() }
  const cpu = new Map<ServerProcess, number>()
  let loopDelays: Promise<number[]> = Promise.resolve([])
  const result = await runLoad(
    {
      targets: servers.map((server) => target(server, load.rooms)),
      clientsPerRoom: load.clientsPerRoom,
      rateHz: load.rateHz,
      warmupMs: 1500,
      measureMs: load.measureMs,
      sliceMs: 500,
    },
    (phase) => {
      if (phase === 'start') {
        servers.forEach((server) => void server.stats()) // resets each event-loop delay histogram
        windowStart = { at: performance.now(), cpu: new Map(servers.map((server) => [server, server.cpuSeconds()])) }
        return
      }
      const activeSeconds = (performance.now() - windowStart.at) / 1000 / servers.length
      for (const server of servers) cpu.set(server, (server.cpuSeconds() - windowStart.cpu.get(server)!) / activeSeconds)
      loopDelays = Promise.all(servers.map((server) => server.stats().then((stats) => stats.loopDelayMax)))
    },
  )
  clearInterval(sampler)
  if (result.error) throw new Error(`${scenario}: ${result.error}`)
  const delays = await loopDelays
  return servers.map((server, i) => {
    const measured = result.targets[i]!
    return {
      scenario,
      server: server.name,
      samples: measured.samples,
      p50: measured.p50,
      p95: measured.p95,
      p99: measured.p99,
      max: measured.max,
      lost: measured.lost,
      expected: measured.expected,
      rssMb: mb(peakRss.get(server)!),
      serverCpu: cpu.get(server) ?? Number.NaN,
      loopDelayMax: delays[i] ?? Number.NaN,
      clientCpu: result.clientCpu,
    }
  })
}
