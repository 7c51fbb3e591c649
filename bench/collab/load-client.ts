// The benchmark's clients, in their own process so their CPU is not charged to (or hidden in) a server's: stock
// WebsocketProviders on `ws`, one writer per room stamping each update with the time it was made, every other client
// in the room recording how long it took to arrive. Driven over IPC by bench/collab/run.ts.
//
// Both servers are loaded in the same run, in alternating slices (ours for half a second, then stock, …): on a shared
// machine whatever else runs hits both alike, which back-to-back runs cannot promise.
import { performance } from 'node:perf_hooks'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'

export interface LoadTarget {
  name: string
  /** Provider serverUrl, e.g. ws://127.0.0.1:4181/collab (ours) or ws://127.0.0.1:4182 (stock). */
  serverUrl: string
  rooms: string[]
  headers: Record<string, string>
}

export interface LoadRequest {
  type: 'run'
  targets: LoadTarget[]
  clientsPerRoom: number
  rateHz: number
  warmupMs: number
  measureMs: number
  /** How long each target writes before the next one takes over. */
  sliceMs: number
}

export interface TargetResult {
  name: string
  samples: number
  p50: number
  p95: number
  p99: number
  max: number
  /** Deliveries that never arrived: (writes × receivers) − receipts, counted after a drain period. */
  lost: number
  expected: number
}

export interface LoadResult {
  type: 'result'
  targets: TargetResult[]
  /** Share of one core this client process used while measuring. */
  clientCpu: number
  error?: string
}

export type LoadMessage = LoadResult | { type: 'ready' } | { type: 'window'; phase: 'start' | 'end' } | { type: 'held' } | { type: 'released' }

const now = () => performance.timeOrigin + performance.now()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
process.setMaxListeners(0)

function webSocketWith(headers: Record<string, string>): typeof globalThis.WebSocket {
  class BenchWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers })
    }
  }
  return BenchWebSocket as unknown as typeof globalThis.WebSocket
}

/** One write: run id, sequence number, and when the writer made it (ms, comparable across processes). */
interface Entry {
  r: number
  s: number
  t: number
}

interface TargetState {
  target: LoadTarget
  providers: WebsocketProvider[]
  latencies: number[]
  received: number
  written: number
}

async function connect(state: TargetState, clientsPerRoom: number, runId: number, measuring: () => boolean): Promise<void> {
  const WebSocketPolyfill = webSocketWith(state.target.headers)
  for (let r = 0; r < state.target.rooms.length; r++) {
    for (let c = 0; c < clientsPerRoom; c++) {
      const doc = new Y.Doc()
      state.providers.push(new WebsocketProvider(state.target.serverUrl, state.target.rooms[r]!, doc, { WebSocketPolyfill, disableBc: true }))
      if (c === 0) continue // the writer
      doc.getArray<Entry>('bench').observe((event) => {
        const arrived = now()
        for (const item of event.changes.added) {
          for (const entry of item.content.getContent() as Entry[]) {
            // Rooms may be reused between runs (ours persists them): only this run's entries count.
            if (entry.r !== runId) continue
            if (measuring()) state.latencies.push(arrived - entry.t)
            state.received += 1
          }
        }
      })
    }
    // Small batches: a thousand simultaneous upgrades would measure the accept queue, not collaboration.
    if (r % 10 === 9) await sleep(20)
  }
  const deadline = now() + 60_000
  while (!state.providers.every((provider) => provider.synced)) {
    if (now() > deadline) throw new Error(`${state.target.name}: only ${state.providers.filter((p) => p.synced).length}/${state.providers.length} clients synced`)
    await sleep(50)
  }
}

function summarise(state: TargetState, receiversPerRoom: number): TargetResult {
  const latencies = state.latencies.sort((a, b) => a - b)
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN
  const expected = state.written * receiversPerRoom
  return {
    name: state.target.name,
    samples: latencies.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: latencies.at(-1) ?? Number.NaN,
    lost: Math.max(0, expected - state.received),
    expected,
  }
}

async function run(request: LoadRequest): Promise<LoadResult> {
  const runId = Math.floor(Math.random() * 2 ** 31)
  let measuring = false
  const states: TargetState[] = request.targets.map((target) => ({ target, providers: [], latencies: [], received: 0, written: 0 }))
  for (const state of states) await connect(state, request.clientsPerRoom, runId, () => measuring)

  // One writer per room (its first client), each on its own timer with a random phase; only the active target writes.
  let active = 0
  const slicer = setInterval(() => (active = (active + 1) % states.length), request.sliceMs)
  const periodMs = 1000 / request.rateHz
  const timers: NodeJS.Timeout[] = []
  states.forEach((state, index) => {
    state.target.rooms.forEach((_, r) => {
      const log = state.providers[r * request.clientsPerRoom]!.doc.getArray<Entry>('bench')
      const seq = { next: 0 }
      const start = setTimeout(() => {
        timers.push(
          setInterval(() => {
            if (active !== index) return
            log.push([{ r: runId, s: seq.next++, t: now() }])
            state.written += 1
          }, periodMs),
        )
      }, Math.random() * periodMs)
      timers.push(start)
    })
  })
  await sleep(request.warmupMs)
  measuring = true
  process.send?.({ type: 'window', phase: 'start' }) // so the orchestrator samples server CPU over the same window
  const cpuBefore = process.cpuUsage()
  await sleep(request.measureMs)
  const cpu = process.cpuUsage(cpuBefore)
  measuring = false
  process.send?.({ type: 'window', phase: 'end' })
  clearInterval(slicer)
  timers.forEach((timer) => clearInterval(timer))

  // Drain: whatever is still in flight gets two seconds to arrive.
  const receivers = request.clientsPerRoom - 1
  const drainUntil = now() + 2_000
  while (states.some((s) => s.received < s.written * receivers) && now() < drainUntil) await sleep(50)
  for (const state of states) {
    for (const provider of state.providers) {
      provider.destroy()
      provider.doc.destroy()
    }
  }
  return { type: 'result', targets: states.map((state) => summarise(state, receivers)), clientCpu: (cpu.user + cpu.system) / 1000 / request.measureMs }
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
  for (const room of request.rooms) held.push(new WebsocketProvider(request.serverUrl, room, new Y.Doc(), { WebSocketPolyfill, disableBc: true }))
  while (!held.every((provider) => provider.synced)) await sleep(50)
  for (const provider of held) {
    const panels = provider.doc.getMap('panels')
    if (panels.size > 0) continue
    provider.doc.transact(() => {
      for (let i = 0; i < request.entriesPerDoc; i++) panels.set(`panel-${i}`, { duration: 48, action: `Shot ${i}: she turns to the window.` })
    })
  }
  await sleep(500)
}

process.on('message', (message: LoadRequest | HoldRequest | { type: 'release' }) => {
  if (message?.type === 'hold') {
    void hold(message).then(() => process.send?.({ type: 'held' }))
  } else if (message?.type === 'release') {
    for (const provider of held.splice(0)) {
      provider.destroy()
      provider.doc.destroy()
    }
    setTimeout(() => process.send?.({ type: 'released' }), 200)
  } else if (message?.type === 'run') {
    run(message)
      .then((result) => process.send?.(result))
      .catch((error: unknown) => process.send?.({ type: 'result', targets: [], clientCpu: 0, error: (error as Error).message } satisfies LoadResult))
  }
})
process.send?.({ type: 'ready' })
