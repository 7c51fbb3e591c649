// npx tsx bench/review/fanout.ts — how long until 20 people watching a review see a new comment.
//
// Ours, end to end as the app does it: createComment (the service: access check, insert, mentions) nudges the item's
// change feed (`review:<id>`, our collab server), each of the 20 viewers — stock y-websocket providers, like the
// browsers' — receives the nudge and refetches the version's comments from the database (the query the page's
// listComments action runs), and the time is taken when the new comment is in that viewer's list.
// The stock peer: @y/websocket-server 0.1.1's relay, where the writer pushes the comment into a shared Y.Array and the
// 20 viewers see it arrive — no access check, no database, no refetch. The ratio is the price of doing it properly.
// Both servers run in this process, one after the other, with the clients, so both share the CPU alike. Comments are
// sent one at a time, every 100 ms; latency is per viewer and comment.
import http from 'node:http'
import { createRequire } from 'node:module'
import os from 'node:os'
import * as Y from 'yjs'
import { openTestDatabase } from '../../db/test-database'
import { connectClient, whenSynced, type TestClient } from '../../server/collab/testing/clients'
import { createProject, createUser } from '../../server/collab/testing/fixtures'
import { freePort, startInProcess } from '../../server/collab/testing/servers'
import { setCollabServer } from '../../server/collab/global-handle'
import { getDb } from '../../db'
import { reviewChangesKey } from '../../lib/collab/doc-name'
import { createComment } from '../../server/services/review/create-comment'
import { selectVersionComments } from '../../server/services/review/comment-list-query'
import { seedReview } from '../../server/services/review/review-fixtures'

const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 20)
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 60)
const WARMUP = 5
const GAP_MS = 100
const TIMEOUT_MS = 10_000

interface Stats {
  p50: number
  p95: number
  p99: number
  max: number
  lost: number
}

function summarise(latencies: number[], lost: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? NaN, lost }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function measureOurs(): Promise<{ seen: Stats; nudged: Stats }> {
  const database = await openTestDatabase()
  const server = await startInProcess({ config: { flushMs: 50 } })
  // As server/main.ts does: services in this process write live documents through this server's rooms.
  setCollabServer(server.collab)
  const clients: TestClient[] = []
  try {
    const owner = await createUser(database.db, 'Olive Owner')
    const project = await createProject(database.db, owner)
    const actor = { userId: owner.id, name: owner.name, email: owner.email }
    const { projectId, reviewItemId, versionId } = await seedReview({ owner: actor, workspaceId: project.workspaceId })
    const docName = `review:${reviewItemId}`
    const db = await getDb()

    // Each viewer refetches on every nudge (as the page does) and reports when a comment id first shows up.
    const seenAt = Array.from({ length: VIEWERS }, () => new Map<string, number>())
    // When each viewer got the first nudge after the current comment was sent: the feed's share of the latency.
    const nudgedAt: (number | null)[] = Array.from({ length: VIEWERS }, () => null)
    for (let index = 0; index < VIEWERS; index++) {
      const client = connectClient({ wsUrl: server.wsUrl, docName, headers: { cookie: owner.cookie, origin: server.origin } })
      clients.push(client)
      const seen = seenAt[index]!
      client.doc.getMap<number>(reviewChangesKey).observe(() => {
        nudgedAt[index] ??= performance.now()
        void selectVersionComments(db, versionId, false).then((comments) => {
          const now = performance.now()
          for (const comment of comments) {
            if (!seen.has(comment.id)) seen.set(comment.id, now)
          }
        })
      })
    }
    await Promise.all(clients.map((client) => whenSynced(client)))

    const latencies: number[] = []
    const nudgeLatencies: number[] = []
    let lost = 0
    for (let index = 0; index < WARMUP + COMMENTS; index++) {
      nudgedAt.fill(null)
      const started = performance.now()
      const { commentId } = await createComment({ actor, projectId, versionId, frameIn: index % 240, body: `Note ${index}` })
      const deadline = started + TIMEOUT_MS
      while (seenAt.some((seen) => !seen.has(commentId)) && performance.now() < deadline) await sleep(2)
      if (index >= WARMUP) {
        for (const seen of seenAt) {
          const at = seen.get(commentId)
          if (at === undefined) lost++
          else latencies.push(at - started)
        }
        for (const at of nudgedAt) if (at !== null) nudgeLatencies.push(at - started)
      }
      await sleep(GAP_MS)
    }
    return { seen: summarise(latencies, lost), nudged: summarise(nudgeLatencies, 0) }
  } finally {
    for (const client of clients) client.destroy()
    setCollabServer(null)
    await server.close()
    await database.close()
  }
}

async function measureStock(): Promise<Stats> {
  // @y/websocket-server's own connection handler behind the ws its server.js uses (see bench/collab/stock-server.ts).
  const requireFromStock = createRequire(createRequire(import.meta.url).resolve('@y/websocket-server/package.json'))
  const { Server: WebSocketServer } = requireFromStock('ws') as { Server: typeof import('ws').WebSocketServer }
  const { setupWSConnection } = (await import('@y/websocket-server/utils')) as { setupWSConnection: (ws: unknown, request: unknown) => void }
  const port = await freePort()
  const wss = new WebSocketServer({ noServer: true })
  const httpServer = http.createServer((_request, response) => response.writeHead(200).end('okay'))
  wss.on('connection', setupWSConnection)
  httpServer.on('upgrade', (request, socket, head) => wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request)))
  await new Promise<void>((resolve) => httpServer.listen(port, '127.0.0.1', resolve))
  const wsUrl = `ws://127.0.0.1:${port}`
  const clients: TestClient[] = []
  try {
    const writer = connectClient({ wsUrl, docName: 'review-stock', headers: {} })
    clients.push(writer)
    const seenAt = Array.from({ length: VIEWERS }, () => new Map<string, number>())
    for (let index = 0; index < VIEWERS; index++) {
      const client = connectClient({ wsUrl, docName: 'review-stock', headers: {} })
      clients.push(client)
      const seen = seenAt[index]!
      client.doc.getArray<Y.Map<unknown>>('comments').observe((event) => {
        const now = performance.now()
        for (const item of event.changes.added) {
          for (const content of item.content.getContent() as Y.Map<unknown>[]) seen.set(String(content.get('id')), now)
        }
      })
    }
    await Promise.all(clients.map((client) => whenSynced(client)))
    const latencies: number[] = []
    let lost = 0
    for (let index = 0; index < WARMUP + COMMENTS; index++) {
      const id = `c-${index}`
      const started = performance.now()
      const comment = new Y.Map<unknown>()
      writer.doc.transact(() => {
        comment.set('id', id)
        comment.set('frameIn', index % 240)
        comment.set('body', `Note ${index}`)
        writer.doc.getArray<Y.Map<unknown>>('comments').push([comment])
      })
      const deadline = started + TIMEOUT_MS
      while (seenAt.some((seen) => !seen.has(id)) && performance.now() < deadline) await sleep(2)
      if (index >= WARMUP) {
        for (const seen of seenAt) {
          const at = seen.get(id)
          if (at === undefined) lost++
          else latencies.push(at - started)
        }
      }
      await sleep(GAP_MS)
    }
    return summarise(latencies, lost)
  } finally {
    for (const client of clients) client.destroy()
    for (const client of wss.clients) client.terminate()
    await new Promise((resolve) => httpServer.close(resolve))
  }
}

async function main() {
  const stock = await measureStock()
  const { seen: ours, nudged } = await measureOurs()
  const ms = (value: number) => value.toFixed(1)
  const load = os.loadavg().map((value) => value.toFixed(1)).join(' / ')
  console.log(`\nComment fan-out to ${VIEWERS} viewers, ${COMMENTS} comments 100 ms apart (after ${WARMUP} warm-up), ${os.cpus().length} cores, load ${load}\n`)
  console.log('| path | p50 ms | p95 ms | p99 ms | max ms | not seen in 10 s |')
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |')
  console.log(`| ours: createComment → feed nudge → refetch (PGlite) | ${ms(ours.p50)} | ${ms(ours.p95)} | ${ms(ours.p99)} | ${ms(ours.max)} | ${ours.lost} |`)
  console.log(`| ours, nudge alone: createComment → feed nudge received | ${ms(nudged.p50)} | ${ms(nudged.p95)} | ${ms(nudged.p99)} | ${ms(nudged.max)} | |`)
  console.log(`| stock relay: Y.Array push → viewers | ${ms(stock.p50)} | ${ms(stock.p95)} | ${ms(stock.p99)} | ${ms(stock.max)} | ${stock.lost} |`)
  console.log(`| ratio ours / stock | ${(ours.p50 / stock.p50).toFixed(2)}× | ${(ours.p95 / stock.p95).toFixed(2)}× | ${(ours.p99 / stock.p99).toFixed(2)}× | ${(ours.max / stock.max).toFixed(2)}× | |`)
  process.exit(0)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
