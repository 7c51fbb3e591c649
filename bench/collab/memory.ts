// Memory of idle loaded documents, and what is left once everyone has gone.
import { fork } from 'node:child_process'
import path from 'node:path'
import type { LoadMessage, LoadTarget } from './load-client'
import type { ServerProcess } from './processes'

export interface MemoryResult {
  /** Heap (MB, after a forced GC) before any document, with them loaded, after the first and second leave. */
  base: number
  loaded: number
  after: number
  afterSecond: number
  baseRss: number
  loadedRss: number
  afterRss: number
  roomsAfter: number
}

const mb = (bytes: number) => bytes / 1024 / 1024

/** Twice: what the first cycle leaves behind is warm-up (JIT code, buffer pools); a second one shows any leak. */
export async function measureMemory(server: ServerProcess, documents: LoadTarget, graceMs: number): Promise<MemoryResult> {
  const base = await server.stats({ gc: true })
  const first = await cycle(server, documents, graceMs)
  const second = await cycle(server, documents, graceMs)
  return {
    base: mb(base.heapUsed),
    loaded: mb(first.loaded.heapUsed),
    after: mb(first.after.heapUsed),
    afterSecond: mb(second.after.heapUsed),
    baseRss: mb(base.rss),
    loadedRss: mb(first.loaded.rss),
    afterRss: mb(second.after.rss),
    roomsAfter: second.after.rooms,
  }
}

/** One idle client on each document, measured, then everyone leaves and the server gets past its unload grace. */
async function cycle(server: ServerProcess, documents: LoadTarget, graceMs: number) {
  const holder = fork(path.join(process.cwd(), 'bench/collab/load-client.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const reply = (type: LoadMessage['type']) => new Promise<void>((resolve) => holder.on('message', (m: LoadMessage) => m.type === type && resolve()))
  await reply('ready')
  const held = reply('held')
  holder.send({ type: 'hold', serverUrl: documents.serverUrl, rooms: documents.rooms, headers: documents.headers, entriesPerDoc: 100 })
  await held
  const loaded = await server.stats({ gc: true })
  const released = reply('released')
  holder.send({ type: 'release' })
  await released
  holder.kill('SIGTERM')
  await new Promise((resolve) => setTimeout(resolve, graceMs + 2_000)) // past the unload grace and the last flush
  const after = await server.stats({ gc: true })
  return { loaded, after }
}
