// npm run bench:collab — our collaboration server (session auth + Postgres persistence on, embedded PGlite) against
// the stock y-websocket server, same run, same loopback, same stock client. Servers and clients are separate
// processes. Prints Markdown tables (and saves them under bench/results/); bounded to about four minutes.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fork } from 'node:child_process'
import { createProject, createUser, testSecret, type TestProject } from '@/server/collab/testing/fixtures'
import { createServerDatabase } from '@/server/collab/testing/servers'
import { runLoad, startServer, type ServerProcess } from './processes'
import type { LoadResult } from './load-client'

const ports = { ours: 4181, stock: 4182 }
const loadRooms = 300
const memoryRooms = 200
const stepRooms = [100, 150, 200, 250, 300]
const budgetMs = 4.5 * 60_000
const startedAt = performance.now()

interface Trial {
  result: LoadResult
  rssMb: number
  serverCpu: number
  loopDelayP99: number
}

interface Row {
  scenario: string
  server: 'ours' | 'stock'
  trials: number
  samples: number
  p50: number
  p95: number
  p99: number
  max: number
  lost: number
  expected: number
  rssMb: number
  serverCpu: number
  clientCpu: number
  loopDelayP99: number
}

/** Pools the samples of several trials (run alternately with the other server, so drift hits both alike). */
function pooled(scenario: string, server: 'ours' | 'stock', trials: Trial[]): Row {
  const latencies = trials.flatMap((t) => t.result.latencies).sort((a, b) => a - b)
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN
  const mean = (pick: (t: Trial) => number) => trials.reduce((sum, t) => sum + pick(t), 0) / trials.length
  return {
    scenario,
    server,
    trials: trials.length,
    samples: latencies.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: latencies.at(-1) ?? Number.NaN,
    lost: trials.reduce((sum, t) => sum + t.result.lost, 0),
    expected: trials.reduce((sum, t) => sum + t.result.expected, 0),
    rssMb: Math.max(...trials.map((t) => t.rssMb)),
    serverCpu: mean((t) => t.serverCpu),
    clientCpu: mean((t) => t.result.clientCpu),
    loopDelayP99: Math.max(...trials.map((t) => t.loopDelayP99)),
  }
}

const mb = (bytes: number) => bytes / 1024 / 1024
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '—')
const log = (line: string) => console.log(`[bench] ${((performance.now() - startedAt) / 1000).toFixed(0).padStart(3)} s  ${line}`)

async function main() {
  const database = await createServerDatabase()
  let projects: TestProject[] = []
  let cookie = ''
  await database.use(async ({ db }) => {
    const owner = await createUser(db, 'Bench Owner')
    cookie = owner.cookie
    projects = []
    for (let i = 0; i < loadRooms + memoryRooms; i++) projects.push(await createProject(db, owner))
  })
  log(`seeded ${projects.length} projects`)
  const ourEnv = { ...database.env, NEXTAUTH_SECRET: testSecret, APP_URL: `http://localhost:${ports.ours}`, COLLAB_UNLOAD_GRACE_MS: '1000' }
  let ours = await startServer('ours', ports.ours, ourEnv)
  let stock = await startServer('stock', ports.stock, {})
  const servers = () => [ours, stock]

  const target = (server: ServerProcess, rooms: number, offset = 0): { serverUrl: string; rooms: string[]; headers: Record<string, string> } =>
    server.name === 'ours'
      ? {
          serverUrl: `ws://127.0.0.1:${server.port}/collab`,
          rooms: projects.slice(offset, offset + rooms).map((p) => `board:${p.projectId}`),
          headers: { cookie, origin: `http://localhost:${server.port}` },
        }
      : { serverUrl: `ws://127.0.0.1:${server.port}`, rooms: Array.from({ length: rooms }, (_, i) => `bench-${offset + i}`), headers: {} }

  const rows: Row[] = []
  async function trial(server: ServerProcess, rooms: number, clientsPerRoom: number, rateHz: number, measureMs: number): Promise<Trial> {
    let peakRss = server.rssBytes()
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, server.rssBytes())), 250)
    // Server CPU and event-loop delay over the measured window only, not the connect storm before it.
    let window = { cpu: 0, at: 0 }
    let serverCpu = 0
    let loopDelay: Promise<number> = Promise.resolve(Number.NaN)
    const result = await runLoad({ ...target(server, rooms), clientsPerRoom, rateHz, warmupMs: 1500, measureMs }, (phase) => {
      if (phase === 'start') {
        void server.stats() // resets the event-loop delay histogram
        window = { cpu: server.cpuSeconds(), at: performance.now() }
      } else {
        serverCpu = (server.cpuSeconds() - window.cpu) / ((performance.now() - window.at) / 1000)
        loopDelay = server.stats().then((stats) => stats.loopDelayP99)
      }
    })
    clearInterval(sampler)
    const loopDelayP99 = await loopDelay
    if (result.error) throw new Error(`${rooms} rooms on ${server.name}: ${result.error}`)
    return { result, rssMb: mb(peakRss), serverCpu, loopDelayP99 }
  }
  function report(row: Row): Row {
    rows.push(row)
    log(`${row.scenario.padEnd(28)} ${row.server.padEnd(5)} p50 ${ms(row.p50)} p95 ${ms(row.p95)} p99 ${ms(row.p99)} ms, lost ${row.lost}/${row.expected}, loop delay p99 ${ms(row.loopDelayP99)} ms, client CPU ${(row.clientCpu * 100).toFixed(0)} %`)
    return row
  }
  /** Two trials per server, alternating ours / stock / ours / stock. */
  async function compare(scenario: string, rooms: number, clientsPerRoom: number, rateHz: number) {
    const trials: Record<'ours' | 'stock', Trial[]> = { ours: [], stock: [] }
    for (let round = 0; round < 2; round++) {
      for (const server of servers()) trials[server.name].push(await trial(server, rooms, clientsPerRoom, rateHz, 5_000))
    }
    for (const server of servers()) report(pooled(scenario, server.name, trials[server.name]))
  }

  await compare('50 rooms × 5 @ 10 Hz', 50, 5, 10)
  await compare('1 room × 50 @ 20 Hz', 1, 50, 20)

  const saturation: Record<'ours' | 'stock', { lastOk: number | null; firstOver: number | null }> = {
    ours: { lastOk: null, firstOver: null },
    stock: { lastOk: null, firstOver: null },
  }
  for (const rooms of stepRooms) {
    for (const server of servers()) {
      const state = saturation[server.name]
      if (state.firstOver !== null) continue
      if (performance.now() - startedAt > budgetMs - 60_000) break
      const result = report(pooled(`step: ${rooms} rooms × 5 @ 10 Hz`, server.name, [await trial(server, rooms, 5, 10, 4_000)]))
      if (result.p99 > 100 || result.lost > 0) state.firstOver = rooms
      else state.lastOk = rooms
    }
  }

  // Memory: fresh servers, one idle client on each of 200 documents, then everyone leaves.
  await Promise.all(servers().map((server) => server.stop()))
  ours = await startServer('ours', ports.ours, ourEnv)
  stock = await startServer('stock', ports.stock, {})
  const memory: Record<string, MemoryResult> = {}
  for (const server of servers()) {
    const base = await server.stats({ gc: true })
    // Twice: what the first cycle leaves behind is warm-up (JIT code, buffer pools); a second one shows any leak.
    const first = await memoryCycle(server, target(server, memoryRooms, loadRooms))
    const second = await memoryCycle(server, target(server, memoryRooms, loadRooms))
    memory[server.name] = {
      base: mb(base.heapUsed),
      loaded: mb(first.loaded.heapUsed),
      after: mb(first.after.heapUsed),
      afterSecond: mb(second.after.heapUsed),
      baseRss: mb(base.rss),
      loadedRss: mb(first.loaded.rss),
      afterRss: mb(second.after.rss),
      roomsAfter: second.after.rooms,
    }
    log(`memory ${server.name}: heap ${mb(base.heapUsed).toFixed(1)} → ${mb(first.loaded.heapUsed).toFixed(1)} → ${mb(first.after.heapUsed).toFixed(1)} → (again) ${mb(second.after.heapUsed).toFixed(1)} MB, rooms left ${second.after.rooms}`)
  }
  await Promise.all(servers().map((server) => server.stop()))
  await database.dispose()

  const loadAverage = fs.existsSync('/proc/loadavg') ? fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : 'n/a'
  const markdown = `Machine: ${os.cpus().length} cores, Node ${process.version}; load average at the end (1/5/15 min): ${loadAverage}.\n\n${renderReport(rows, saturation, memory)}`
  console.log('\n' + markdown)
  const dir = path.join(process.cwd(), 'bench', 'results')
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `collab-${new Date().toISOString().replace(/[:.]/g, '-')}.md`)
  fs.writeFileSync(file, markdown)
  log(`done; saved ${path.relative(process.cwd(), file)}`)
}

interface MemoryResult {
  base: number
  loaded: number
  after: number
  afterSecond: number
  baseRss: number
  loadedRss: number
  afterRss: number
  roomsAfter: number
}

/** One idle client on each document, measured, then everyone leaves and the server gets past its unload grace. */
async function memoryCycle(server: ServerProcess, documents: { serverUrl: string; rooms: string[]; headers: Record<string, string> }) {
  const holder = fork(path.join(process.cwd(), 'bench/collab/load-client.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  await new Promise((resolve) => holder.once('message', resolve))
  const reply = (type: string) => new Promise<void>((resolve) => holder.on('message', (m: { type: string }) => m.type === type && resolve()))
  const held = reply('held')
  holder.send({ type: 'hold', ...documents, entriesPerDoc: 100 })
  await held
  const loaded = await server.stats({ gc: true })
  const released = reply('released')
  holder.send({ type: 'release' })
  await released
  holder.kill('SIGTERM')
  await new Promise((resolve) => setTimeout(resolve, 3_000)) // past the unload grace (1 s) and the last flush
  const after = await server.stats({ gc: true })
  return { loaded, after }
}

function renderReport(
  rows: Row[],
  saturation: Record<'ours' | 'stock', { lastOk: number | null; firstOver: number | null }>,
  memory: Record<string, MemoryResult>,
): string {
  const lines = [
    '| scenario | server | samples | p50 ms | p95 ms | p99 ms | max ms | lost | server RSS MB | server CPU | server loop delay p99 ms | client CPU |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ]
  const scenarios = [...new Set(rows.map((row) => row.scenario))]
  for (const scenario of scenarios) {
    const pair = rows.filter((row) => row.scenario === scenario)
    for (const r of pair) {
      lines.push(
        `| ${scenario} | ${r.server} | ${r.samples} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.lost} / ${r.expected} | ${r.rssMb.toFixed(0)} | ${(r.serverCpu * 100).toFixed(0)} % | ${ms(r.loopDelayP99)} | ${(r.clientCpu * 100).toFixed(0)} % |`,
      )
    }
    const ourRow = pair.find((row) => row.server === 'ours')
    const stockRow = pair.find((row) => row.server === 'stock')
    if (ourRow && stockRow) {
      const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '—')
      lines.push(`| ${scenario} | **ours / stock** | | ${ratio(ourRow.p50, stockRow.p50)} | ${ratio(ourRow.p95, stockRow.p95)} | **${ratio(ourRow.p99, stockRow.p99)}** | | | | | | |`)
    }
  }
  const describe = (s: { lastOk: number | null; firstOver: number | null }) =>
    `${s.lastOk === null ? `below ${stepRooms[0]}` : `${s.lastOk}`} rooms × 5 ${s.firstOver === null ? '(never crossed p99 100 ms within the steps)' : `(p99 > 100 ms or loss at ${s.firstOver})`}`
  lines.push('', '| saturation (last step with p99 ≤ 100 ms and no loss) | |', '| --- | --- |')
  lines.push(`| ours | ${describe(saturation.ours)} |`, `| stock | ${describe(saturation.stock)} |`)
  lines.push('', `| memory, ${memoryRooms} documents × 100 map entries, one idle client each | ours | stock |`, '| --- | ---: | ---: |')
  const m = (key: keyof (typeof memory)[string], digits = 1) => [memory.ours?.[key], memory.stock?.[key]].map((v) => (v === undefined ? '—' : v.toFixed(digits)))
  const perDoc = ['ours', 'stock'].map((name) => {
    const entry = memory[name]
    return entry ? (((entry.loaded - entry.base) * 1024) / memoryRooms).toFixed(1) : '—'
  })
  lines.push(`| heap before (MB, after GC) | ${m('base').join(' | ')} |`)
  lines.push(`| heap with documents loaded (MB) | ${m('loaded').join(' | ')} |`)
  lines.push(`| heap per idle loaded document + its socket (KB) | ${perDoc.join(' | ')} |`)
  lines.push(`| heap after every client left (MB) | ${m('after').join(' | ')} |`)
  lines.push(`| heap after a second load-and-leave cycle (MB) | ${m('afterSecond').join(' | ')} |`)
  lines.push(`| documents still in memory after they left | ${m('roomsAfter', 0).join(' | ')} |`)
  lines.push(`| RSS before / loaded / after both cycles (MB) | ${['ours', 'stock'].map((n) => (memory[n] ? `${memory[n].baseRss.toFixed(0)} / ${memory[n].loadedRss.toFixed(0)} / ${memory[n].afterRss.toFixed(0)}` : '—')).join(' | ')} |`)
  return lines.join('\n')
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error)
  process.exit(1)
})
