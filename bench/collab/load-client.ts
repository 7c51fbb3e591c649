// The benchmark's clients, in their own process so their CPU is not charged to (or hidden in) the server's: stock
// WebsocketProviders on `ws`, one writer per room stamping each update with the time it was made, every other client
// in the room recording how long it took to arrive. Driven over IPC by bench/collab/run.ts.
import { performance } from 'node:perf_hooks'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'

export interface LoadRequest {
  type: 'run'
  /** Provider serverUrl, e.g. ws://127.0.0.1:4181/collab (ours) or ws://127.0.0.1:4182 (stock). */
  serverUrl: string
  rooms: string[]
  clientsPerRoom: number
  rateHz: number
  warmupMs: number
  measureMs: number
  headers: Record<string, string>
}

export interface LoadResult {
  type: 'result'
  samples: number
  p50: number
  p95: number
  p99: number
  max: number
  /** Deliveries that never arrived: (writes × receivers) − receipts, counted after a drain period. */
  lost: number
  expected: number
  /** Share of one core this client process used while measuring. */
  clientCpu: number
  connectMs: number
  /** Every latency sample (ms), so runs can be pooled. */
  latencies: number[]
  error?: string
}

const now = () => performance.timeOrigin + performance.now()
process.setMaxListeners(0)

function webSocketWith(headers: Record<string, string>): typeof globalThis.WebSocket {
  class BenchWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers })
    }
  }
  return BenchWebSocket as unknown as typeof globalThis.WebSocket
}

interface Writes {
  seq: number
}

/** One write: run id, sequence number, and when the writer made it (ms, comparable across processes). */
interface Entry {
  r: number
  s: number
  t: number
}

async function run(request: LoadRequest): Promise<LoadResult> {
  const WebSocketPolyfill = webSocketWith(request.headers)
  const providers: WebsocketProvider[] = []
  const latencies: number[] = []
  let measuring = false
  let received = 0
  const writes: Writes[] = []
  const connectStarted = now()
  // Rooms may be reused between runs (ours persists them): only this run's entries count.
  const runId = Math.floor(Math.random() * 2 ** 31)

  // Open in small batches: a thousand simultaneous upgrades measure the accept queue, not collaboration.
  for (let r = 0; r < request.rooms.length; r++) {
    const room = request.rooms[r]!
    const roomWrites: Writes = { seq: 0 }
    writes.push(roomWrites)
    for (let c = 0; c < request.clientsPerRoom; c++) {
      const doc = new Y.Doc()
      const provider = new WebsocketProvider(request.serverUrl, room, doc, { WebSocketPolyfill, disableBc: true })
      providers.push(provider)
      if (c > 0) {
        doc.getArray<Entry>('bench').observe((event) => {
          const arrived = now()
          for (const item of event.changes.added) {
            for (const entry of item.content.getContent() as Entry[]) {
              if (entry.r !== runId) continue
              if (measuring) latencies.push(arrived - entry.t)
              received += 1
            }
          }
        })
      }
    }
    if (r % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 20))
  }
  const deadline = now() + 60_000
  while (!providers.every((provider) => provider.synced)) {
    if (now() > deadline) throw new Error(`only ${providers.filter((p) => p.synced).length}/${providers.length} clients synced`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const connectMs = now() - connectStarted

  // One writer per room (its first client), each on its own timer with a random phase.
  const periodMs = 1000 / request.rateHz
  const timers: NodeJS.Timeout[] = []
  const starts: NodeJS.Timeout[] = []
  request.rooms.forEach((_, r) => {
    const writer = providers[r * request.clientsPerRoom]!
    const log = writer.doc.getArray<Entry>('bench')
    starts.push(
      setTimeout(() => {
        timers.push(
          setInterval(() => {
            log.push([{ r: runId, s: writes[r]!.seq++, t: now() }])
          }, periodMs),
        )
      }, Math.random() * periodMs),
    )
  })
  await new Promise((resolve) => setTimeout(resolve, request.warmupMs))
  measuring = true
  process.send?.({ type: 'window', phase: 'start' }) // so the orchestrator samples server CPU over the same window
  const cpuBefore = process.cpuUsage()
  await new Promise((resolve) => setTimeout(resolve, request.measureMs))
  const cpu = process.cpuUsage(cpuBefore)
  measuring = false
  process.send?.({ type: 'window', phase: 'end' })
  starts.forEach(clearTimeout)
  timers.forEach(clearInterval)

  // Drain: whatever is still in flight gets two seconds to arrive.
  const expected = writes.reduce((sum, w) => sum + w.seq, 0) * (request.clientsPerRoom - 1)
  const drainUntil = now() + 2_000
  while (received < expected && now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 50))
  for (const provider of providers) {
    provider.destroy()
    provider.doc.destroy()
  }

  latencies.sort((a, b) => a - b)
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN
  return {
    type: 'result',
    samples: latencies.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: latencies.at(-1) ?? Number.NaN,
    lost: Math.max(0, expected - received),
    expected,
    clientCpu: (cpu.user + cpu.system) / 1000 / request.measureMs,
    connectMs,
    latencies,
  }
}

export interface HoldRequest {
  type: 'hold'
  serverUrl: string
  rooms: string[]
  headers: Record<string, string>
  /** Map entries each document is given if it is empty, so held documents have some substance. */
  entriesPerDoc: number
}

// Memory phase: one idle client per document, kept until 'release'.
const held: WebsocketProvider[] = []

async function hold(request: HoldRequest): Promise<void> {
  const WebSocketPolyfill = webSocketWith(request.headers)
  for (const room of request.rooms) {
    const doc = new Y.Doc()
    held.push(new WebsocketProvider(request.serverUrl, room, doc, { WebSocketPolyfill, disableBc: true }))
  }
  while (!held.every((provider) => provider.synced)) await new Promise((resolve) => setTimeout(resolve, 50))
  for (const provider of held) {
    const panels = provider.doc.getMap('panels')
    if (panels.size > 0) continue
    provider.doc.transact(() => {
      for (let i = 0; i < request.entriesPerDoc; i++) panels.set(`panel-${i}`, { duration: 48, action: `Shot ${i}: she turns to the window.` })
    })
  }
  await new Promise((resolve) => setTimeout(resolve, 500))
}

process.on('message', (message: LoadRequest | HoldRequest | { type: 'release' }) => {
  if (message?.type === 'hold') {
    void hold(message).then(() => process.send?.({ type: 'held' }))
    return
  }
  if (message?.type === 'release') {
    for (const provider of held.splice(0)) {
      provider.destroy()
      provider.doc.destroy()
    }
    setTimeout(() => process.send?.({ type: 'released' }), 200)
    return
  }
  if (message?.type !== 'run') return
  run(message)
    .then((result) => process.send?.(result))
    .catch((error: unknown) => {
      const failed: LoadResult = {
        type: 'result',
        samples: 0,
        p50: NaN,
        p95: NaN,
        p99: NaN,
        max: NaN,
        lost: NaN,
        expected: 0,
        clientCpu: 0,
        connectMs: 0,
        latencies: [],
        error: (error as Error).message,
      }
      process.send?.(failed)
    })
})
process.send?.({ type: 'ready' })
