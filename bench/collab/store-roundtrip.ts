// npx tsx bench/collab/store-roundtrip.ts — what moving the embedded PGlite into its own thread costs and buys: the
// same queries on PGlite called in this thread (as before) and on PGlite in its worker reached through pg (as now),
// interleaved in rounds so that other work on the machine hits both alike. Per operation, each the median over the
// rounds: wall time, CPU time of this (the event-loop) thread, and the longest the event loop was blocked, which is
// what every WebSocket room of a server waits for. Linux only (reads /proc for per-thread CPU).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { PGlite } from '@electric-sql/pglite'
import type { Pool } from 'pg'
import { openDatabase } from '@/db/client'

interface Store {
  name: string
  query: (sql: string, params?: unknown[]) => Promise<unknown>
  transaction: (fn: (query: Store['query']) => Promise<void>) => Promise<void>
  close: () => Promise<void>
}

const rounds = 5
const setup = 'create table if not exists probe (id serial primary key, doc_id text not null, update bytea not null)'

// On disk, as in a default install: a commit's write to the data folder is part of what blocks.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'storyreel-store-bench-'))

async function inThisThread(): Promise<Store> {
  const db = new PGlite(path.join(scratch, 'this-thread'))
  await db.waitReady
  await db.query(setup)
  return {
    name: 'PGlite on the event loop (before)',
    query: (sql, params) => db.query(sql, params),
    transaction: (fn) => db.transaction((tx) => fn((sql, params) => tx.query(sql, params))),
    close: () => db.close(),
  }
}

async function inItsWorker(): Promise<Store> {
  const handle = await openDatabase({ dataDir: path.join(scratch, 'worker') })
  await handle.query(setup)
  return {
    name: 'PGlite in its thread, via pg (now)',
    query: (sql, params) => handle.query(sql, params),
    transaction: async (fn) => {
      const client = await (handle.db as unknown as { $client: Pool }).$client.connect()
      try {
        await client.query('begin')
        await fn((sql, params) => client.query(sql, params))
        await client.query('commit')
      } finally {
        client.release()
      }
    },
    close: () => handle.close(),
  }
}

const update = new Uint8Array(120).fill(7)
const operations: { name: string; count: number; run: (store: Store, i: number) => Promise<unknown> }[] = [
  { name: 'point select', count: 300, run: (store, i) => store.query('select id from probe where id = $1', [i]) },
  { name: 'single-row insert', count: 300, run: (store, i) => store.query('insert into probe (doc_id, update) values ($1, $2)', [`doc-${i}`, update]) },
  {
    // What the collab update log does every 50 ms with 50 busy rooms.
    name: 'batch insert, 50 documents (unnest)',
    count: 60,
    run: (store, i) =>
      store.query('insert into probe (doc_id, update) select * from unnest($1::text[], $2::bytea[])', [
        Array.from({ length: 50 }, (_, d) => `doc-${i}-${d}`),
        Array.from({ length: 50 }, () => Buffer.from(update)),
      ]),
  },
  {
    name: 'transaction of 5 statements',
    count: 60,
    run: (store, i) =>
      store.transaction(async (query) => {
        for (let s = 0; s < 5; s++) await query('insert into probe (doc_id, update) values ($1, $2)', [`tx-${i}-${s}`, update])
      }),
  },
]

/** CPU time this thread (not the process: the worker is another thread) has used, in ms; Linux only, 10 ms ticks. */
function mainThreadCpuMs(): number {
  const fields = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

async function measure(store: Store, operation: (typeof operations)[number]) {
  const loop = monitorEventLoopDelay({ resolution: 1 })
  loop.enable()
  const cpuBefore = mainThreadCpuMs()
  const started = performance.now()
  for (let i = 0; i < operation.count; i++) {
    await operation.run(store, i)
    // Let the loop turn between operations, as a server's would, so a block shows as one block and not as one long run.
    await new Promise((resolve) => setImmediate(resolve))
  }
  const perOp = (performance.now() - started) / operation.count
  const cpuPerOp = (mainThreadCpuMs() - cpuBefore) / operation.count
  loop.disable()
  return { perOp, cpuPerOp, stall: loop.max / 1e6 }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

async function main() {
  const stores = [await inThisThread(), await inItsWorker()]
  const lines = [
    '| operation | store | ms per operation | event-loop thread CPU ms per operation | longest event-loop block ms |',
    '| --- | --- | ---: | ---: | ---: |',
  ]
  for (const operation of operations) {
    const results = new Map(stores.map((store) => [store, { perOp: [] as number[], cpuPerOp: [] as number[], stall: [] as number[] }]))
    for (let round = 0; round < rounds; round++) {
      for (const store of round % 2 === 0 ? stores : [...stores].reverse()) {
        const result = await measure(store, operation)
        results.get(store)!.perOp.push(result.perOp)
        results.get(store)!.cpuPerOp.push(result.cpuPerOp)
        results.get(store)!.stall.push(result.stall)
      }
    }
    for (const store of stores) {
      const r = results.get(store)!
      lines.push(`| ${operation.name} | ${store.name} | ${median(r.perOp).toFixed(2)} | ${median(r.cpuPerOp).toFixed(2)} | ${median(r.stall).toFixed(1)} |`)
    }
  }
  for (const store of stores) await store.close()
  fs.rmSync(scratch, { recursive: true, force: true })
  console.log(lines.join('\n'))
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error)
  process.exit(1)
})
