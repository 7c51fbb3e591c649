// npm run bench:collab — our collaboration server (session auth + persistence on, embedded PGlite as in a default
// install) against the stock @y/websocket-server, in the same run, on loopback, with the stock client. Servers and
// clients are separate processes, and both servers are loaded in alternating half-second slices of one client run so
// that whatever else the machine is doing hits both alike. Prints Markdown tables (also saved under bench/results/);
// bounded to about four minutes. With BENCH_DATABASE_URL (or TEST_DATABASE_URL) pointing at PostgreSQL, our server is
// also run on PostgreSQL ("ours on Postgres"), where database work leaves the event loop.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { createProject, createUser, testSecret, type TestProject } from '@/server/collab/testing/fixtures'
import { createServerDatabase } from '@/server/collab/testing/servers'
import { createThrowawayPostgresDatabase } from '@/db/test-database'
import type { LoadTarget } from './load-client'
import { measureInterleaved, type Load, type Row } from './measure'
import { measureMemory, type MemoryResult } from './memory'
import { benchNice, raisePriority, startServer, type ServerName, type ServerProcess } from './processes'
import { renderReport, type Saturation } from './report'

const ports: Record<ServerName, number> = { ours: 4181, stock: 4182, 'ours on Postgres': 4183 }
const postgresAdminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL
const loadRooms = 300
const memoryRooms = 200
const stepRooms = [100, 150, 200, 250, 300]
const unloadGraceMs = 1_000
const budgetMs = 4.5 * 60_000
const startedAt = performance.now()

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '—')
const log = (line: string) => console.log(`[bench] ${((performance.now() - startedAt) / 1000).toFixed(0).padStart(3)} s  ${line}`)

async function main() {
  const raised = raisePriority(process.pid)
  log(raised ? `running at nice ${benchNice}, as do the servers and the load client` : 'could not raise priority (not permitted): other work on the machine will show in the tails')
  const database = await createServerDatabase()
  const projects: TestProject[] = []
  let cookie = ''
  await database.use(async ({ db }) => {
    const owner = await createUser(db, 'Bench Owner')
    cookie = owner.cookie
    for (let i = 0; i < loadRooms + memoryRooms; i++) projects.push(await createProject(db, owner))
  })
  log(`seeded ${projects.length} projects`)
  const postgres = postgresAdminUrl ? await createPostgresCopy(postgresAdminUrl, database) : null
  const envOf = (name: ServerName): Record<string, string> => {
    if (name === 'stock') return {}
    const storage = name === 'ours' ? database.env : { DATABASE_URL: postgres!.url }
    return { ...storage, NEXTAUTH_SECRET: testSecret, APP_URL: `http://localhost:${ports[name]}`, COLLAB_UNLOAD_GRACE_MS: String(unloadGraceMs) }
  }
  const names: ServerName[] = postgres ? ['ours', 'ours on Postgres', 'stock'] : ['ours', 'stock']
  const startAll = async () => {
    const started: ServerProcess[] = []
    for (const name of names) started.push(await startServer(name, ports[name], envOf(name)))
    return started
  }
  let servers = await startAll()

  const target = (server: ServerProcess, rooms: number, offset = 0): LoadTarget =>
    server.kind === 'ours'
      ? {
          name: server.name,
          serverUrl: `ws://127.0.0.1:${server.port}/collab`,
          rooms: projects.slice(offset, offset + rooms).map((p) => `board:${p.projectId}`),
          headers: { cookie, origin: `http://localhost:${server.port}` },
        }
      : { name: 'stock', serverUrl: `ws://127.0.0.1:${server.port}`, rooms: Array.from({ length: rooms }, (_, i) => `bench-${offset + i}`), headers: {} }

  const rows: Row[] = []
  const measure = async (scenario: string, on: ServerProcess[], load: Load) => {
    const measured = await measureInterleaved(scenario, on, target, load)
    for (const row of measured) {
      rows.push(row)
      log(`${scenario.padEnd(36)} ${row.server.padEnd(16)} p50 ${ms(row.p50)} p95 ${ms(row.p95)} p99 ${ms(row.p99)} ms, lost ${row.lost}/${row.expected}, longest stall ${ms(row.loopDelayMax)} ms`)
    }
    return measured
  }

  // Each server gets about seven seconds of load per scenario, in half-second slices.
  const perServer = (ms: number) => ms * servers.length
  await measure('50 rooms × 5 @ 10 Hz', servers, { rooms: 50, clientsPerRoom: 5, rateHz: 10, measureMs: perServer(7_000) })
  await measure('1 room × 50 @ 20 Hz', servers, { rooms: 1, clientsPerRoom: 50, rateHz: 20, measureMs: perServer(7_000) })

  const saturation: Partial<Record<ServerName, Saturation>> = Object.fromEntries(names.map((name) => [name, { lastOk: null, firstOver: null }]))
  const over = (row: Row) => row.p99 > 100 || row.lost > 0
  for (const rooms of stepRooms) {
    if (performance.now() - startedAt > budgetMs - 60_000) break
    let running = servers.filter((server) => saturation[server.name]?.firstOver === null)
    if (running.length === 0) break
    const load = { rooms, clientsPerRoom: 5, rateHz: 10, measureMs: running.length * 4_000 }
    let measured = await measure(`step: ${rooms} rooms × 5 @ 10 Hz`, running, load)
    // On a shared machine one noisy window should not decide saturation: a step fails only if a retry fails too.
    running = running.filter((_, i) => over(measured[i]!))
    if (running.length > 0) measured = measured.filter((row) => !over(row)).concat(await measure(`step: ${rooms} rooms × 5 @ 10 Hz (retry)`, running, load))
    for (const row of measured) {
      const state = saturation[row.server]!
      if (over(row)) state.firstOver = rooms
      else state.lastOk = rooms
    }
  }

  // Memory: fresh servers, one idle client on each of 200 documents, then everyone leaves.
  await Promise.all(servers.map((server) => server.stop()))
  servers = await startAll()
  const memory: Partial<Record<ServerName, MemoryResult>> = {}
  for (const server of servers) {
    const result = await measureMemory(server, target(server, memoryRooms, loadRooms), unloadGraceMs)
    memory[server.name] = result
    log(`memory ${server.name}: heap ${result.base.toFixed(1)} → ${result.loaded.toFixed(1)} → ${result.after.toFixed(1)} → (again) ${result.afterSecond.toFixed(1)} MB`)
  }
  await Promise.all(servers.map((server) => server.stop()))
  await database.dispose()
  await postgres?.dispose()

  const loadAverage = fs.existsSync('/proc/loadavg') ? fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : 'n/a'
  const markdown =
    `Machine: ${os.cpus().length} cores, Node ${process.version}; load average at the end (1/5/15 min): ${loadAverage}; ` +
    `benchmark processes ${raised ? `at nice ${benchNice}` : 'at normal priority'}.\n\n` +
    renderReport(rows, saturation, memory, memoryRooms, stepRooms[0]!)
  console.log(`\n${markdown}`)
  const dir = path.join(process.cwd(), 'bench', 'results')
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `collab-${new Date().toISOString().replace(/[:.]/g, '-')}.md`)
  fs.writeFileSync(file, `${markdown}\n`)
  log(`done; saved ${path.relative(process.cwd(), file)}`)
}

/** A throw-away PostgreSQL database with the same users and projects as the PGlite one. */
async function createPostgresCopy(adminUrl: string, source: Awaited<ReturnType<typeof createServerDatabase>>) {
  const throwaway = await createThrowawayPostgresDatabase(adminUrl, 'storyreel_bench')
  const { migrateDatabase, openDatabase } = await import('@/db/client')
  const target = await openDatabase({ url: throwaway.url })
  await migrateDatabase(target)
  await source.use(async (from) => {
    for (const table of ['users', 'workspaces', 'memberships', 'projects']) {
      for (const row of (await from.query(`select * from ${table}`)).rows) {
        const columns = Object.keys(row)
        await target.query(`insert into ${table} (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, columns.map((c) => row[c]))
      }
    }
  })
  await target.close()
  return { url: throwaway.url, dispose: throwaway.drop }
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error)
  process.exit(1)
})
