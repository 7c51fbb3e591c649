// npm run bench:cluster — collaboration across two app instances (fan-out through Redis) against the same clients on
// one instance, measured in the same run on the loopback cluster of scripts/cluster. Rooms of 5 clients on one board
// each, one writer per room stamping each update with its send time; every other client records when it arrived.
// "1 instance": the whole room on app-0. "2 instances": the writer on app-0 and receivers alternating app-1/app-0,
// so 2 of 4 receivers are a Redis hop away; the hop's cost is their latency over the same-instance receivers'.
// Prints a Markdown table. Not part of npm test.
import { performance } from 'node:perf_hooks'
import os from 'node:os'
import * as Y from 'yjs'
import { connectClient, whenSynced, type TestClient } from '../../server/collab/testing/clients'
import { createProject, createUser } from '../../server/collab/testing/fixtures'
import { startCluster } from '../../scripts/cluster/topology'
import { openClusterDatabase } from '../../scripts/cluster/testing/cluster-fixtures'

const clientCounts = (process.env.BENCH_CLIENTS ?? '100,400').split(',').map(Number)
const clientsPerRoom = 5
const rateHz = Number(process.env.BENCH_RATE_HZ ?? 5)
const measureMs = Number(process.env.BENCH_MEASURE_MS ?? 10_000)
const now = () => performance.timeOrigin + performance.now()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
// Every WebsocketProvider in Node adds a process 'exit' listener; this runs hundreds on purpose.
process.setMaxListeners(0)

interface Sample {
  ms: number
  crossInstance: boolean
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

async function main() {
  const cluster = await startCluster({ workers: 0, s3: false })
  const database = await openClusterDatabase(cluster.databaseUrl)
  const rows: string[] = []
  const hops: string[] = []
  try {
    const owner = await createUser(database.db, 'Bench Owner', cluster.secret)
    const headers = { Cookie: owner.cookie, Origin: cluster.proxyUrl }
    const [a, b] = cluster.instances
    for (const total of clientCounts) {
      for (const layout of ['1 instance', '2 instances'] as const) {
        const rooms = total / clientsPerRoom
        const samples: Sample[] = []
        const clients: TestClient[] = []
        const writers: { doc: Y.Doc; map: Y.Map<number> }[] = []
        let expected = 0
        let counting = false
        for (let room = 0; room < rooms; room++) {
          const { projectId } = await createProject(database.db, owner)
          const docName = `board:${projectId}`
          for (let i = 0; i < clientsPerRoom; i++) {
            // Writer (i = 0) always on app-0; receivers alternate so half of them are a Redis hop away.
            const remote = layout === '2 instances' && i % 2 === 1
            const client = connectClient({ wsUrl: `${(remote ? b! : a!).url.replace('http', 'ws')}/collab`, docName, headers, maxBackoffTime: 2_000 })
            clients.push(client)
            const map = client.doc.getMap<number>('bench')
            if (i === 0) writers.push({ doc: client.doc, map })
            else
              map.observe((event) => {
                if (!counting || event.transaction.local) return
                for (const key of event.keysChanged) samples.push({ ms: now() - (map.get(key) ?? now()), crossInstance: remote })
              })
          }
        }
        await Promise.all(clients.map((client) => whenSynced(client, 60_000)))
        counting = true
        const started = now()
        let tick = 0
        while (now() - started < measureMs) {
          for (const writer of writers) writer.map.set(`t${tick}`, now())
          expected += writers.length * (clientsPerRoom - 1)
          tick += 1
          await sleep(1000 / rateHz)
        }
        await sleep(2_000) // drain
        counting = false
        const elapsed = (now() - started) / 1000
        for (const client of clients) client.destroy()
        const all = samples.map((sample) => sample.ms)
        const cross = samples.filter((sample) => sample.crossInstance).map((sample) => sample.ms)
        const local = samples.filter((sample) => !sample.crossInstance).map((sample) => sample.ms)
        rows.push(
          `| ${total} | ${layout} | ${percentile(all, 50).toFixed(1)} | ${percentile(all, 99).toFixed(1)} | ${(samples.length / elapsed).toFixed(0)} | ${expected - samples.length} |`,
        )
        if (layout === '2 instances') {
          hops.push(`| ${total} | ${percentile(local, 50).toFixed(1)} | ${percentile(cross, 50).toFixed(1)} | ${(percentile(cross, 50) / percentile(local, 50)).toFixed(2)}× | ${(percentile(cross, 99) / percentile(local, 99)).toFixed(2)}× |`)
        }
        await sleep(2_000)
      }
    }
  } finally {
    await database.close()
    await cluster.stop()
  }
  const load = os.loadavg().map((value) => value.toFixed(1)).join(' / ')
  console.log(`\nCollaboration on the loopback cluster: rooms of ${clientsPerRoom}, one writer per room at ${rateHz} Hz, ${measureMs / 1000} s each, ${os.cpus().length} cores, load ${load}\n`)
  console.log('| clients | layout | p50 ms | p99 ms | deliveries/s | lost |')
  console.log('| ---: | --- | ---: | ---: | ---: | ---: |')
  for (const row of rows) console.log(row)
  console.log('\nThe Redis hop (2 instances: receivers on the writer’s instance vs on the other one)\n')
  console.log('| clients | same instance p50 ms | other instance p50 ms | p50 ratio | p99 ratio |')
  console.log('| ---: | ---: | ---: | ---: | ---: |')
  for (const row of hops) console.log(row)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
