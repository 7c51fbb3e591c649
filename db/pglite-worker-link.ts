// The main thread's side of the embedded database: starts db/pglite-worker.mjs and hands node-postgres one Duplex
// stream per connection that carries its protocol bytes to the worker and back, in place of a TCP socket. Nothing
// listens on a port or a socket file, so nothing else on the machine can reach the database.
import path from 'node:path'
import { Duplex } from 'node:stream'
import { Worker } from 'node:worker_threads'

export interface PgliteWorkerLink {
  /** For pg's `stream` option: a new connection to the embedded database. */
  connect: () => Duplex
  /** Closes the database (PGlite writes what it holds) and ends the thread. */
  close: () => Promise<void>
}

type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'data'; id: number; bytes: Uint8Array }
  | { type: 'error'; id: number; message: string }
  | { type: 'closed' }

const workerFile = path.join(process.cwd(), 'db', 'pglite-worker.mjs')

export class PgliteWorkerError extends Error {
  override name = 'PgliteWorkerError'
}

/** Starts the worker and waits until PGlite is open; rejects with PGlite's own message if it cannot open. */
export async function startPgliteWorker(options: { dataDir?: string }): Promise<PgliteWorkerLink> {
  // No inherited --import/--require hooks (tsx, vitest): the worker file is plain JavaScript.
  const worker = new Worker(workerFile, { workerData: options, execArgv: [] })
  const streams = new Map<number, PgliteStream>()
  let nextId = 1
  let stopped: Error | null = null

  await new Promise<void>((resolve, reject) => {
    const settle = (outcome: () => void) => {
      // Only our own listeners: a Worker keeps internal ones (newListener/removeListener) that route its messages.
      worker.off('message', onMessage).off('error', reject).off('exit', onExit)
      outcome()
    }
    const onMessage = (message: FromWorker) => {
      if (message.type === 'ready') settle(resolve)
      else if (message.type === 'failed') settle(() => reject(new PgliteWorkerError(message.message)))
    }
    const onExit = (code: number) => settle(() => reject(new PgliteWorkerError(`the embedded database thread exited (${code}) while opening`)))
    worker.on('message', onMessage).on('error', reject).on('exit', onExit)
  })

  // The thread keeps the process alive only while a connection is in use, as a socket would: pg's pool (with
  // allowExitOnIdle) unrefs idle clients, so a script that forgets to close the database still exits.
  const refresh = () => {
    if ([...streams.values()].some((stream) => stream.referenced)) worker.ref()
    else worker.unref()
  }
  const link = {
    send: (id: number, bytes: Uint8Array) => worker.postMessage({ type: 'data', id, bytes }, [bytes.buffer as ArrayBuffer]),
    end: (id: number) => {
      if (!streams.delete(id)) return
      worker.postMessage({ type: 'end', id })
      refresh()
    },
    refresh,
  }

  worker.on('message', (message: FromWorker) => {
    if (message.type === 'data') streams.get(message.id)?.push(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength))
    else if (message.type === 'error') streams.get(message.id)?.destroy(new PgliteWorkerError(`the embedded database failed: ${message.message}`))
  })
  const fail = (error: Error) => {
    stopped = error
    console.error(`[db] ${error.message}`)
    for (const stream of streams.values()) stream.destroy(error)
    streams.clear()
  }
  worker.on('error', (error) => fail(new PgliteWorkerError(`the embedded database thread failed: ${error.message}`)))
  worker.on('exit', (code) => {
    if (!stopped) fail(new PgliteWorkerError(`the embedded database thread exited (${code})`))
  })
  refresh()

  return {
    connect() {
      const stream = new PgliteStream(nextId++, link)
      if (stopped) {
        const error = stopped
        process.nextTick(() => stream.destroy(error))
        return stream
      }
      streams.set(stream.id, stream)
      worker.postMessage({ type: 'open', id: stream.id })
      refresh()
      return stream
    },
    async close() {
      if (stopped) return
      stopped = new PgliteWorkerError('the embedded database is closed')
      for (const stream of streams.values()) stream.destroy()
      const exited = new Promise((resolve) => worker.once('exit', resolve))
      worker.ref()
      worker.postMessage({ type: 'close' })
      await exited
    },
  }
}

interface Link {
  send: (id: number, bytes: Uint8Array) => void
  end: (id: number) => void
  refresh: () => void
}

/** What pg's Connection uses of a net.Socket: connect, write, data, end/destroy, ref/unref, and a few no-op knobs. */
class PgliteStream extends Duplex {
  referenced = true
  private outgoing: Buffer[] = []

  constructor(
    readonly id: number,
    private readonly link: Link,
  ) {
    super()
  }

  connect(): this {
    process.nextTick(() => this.emit('connect'))
    return this
  }

  setNoDelay(): this {
    return this
  }

  setKeepAlive(): this {
    return this
  }

  ref(): this {
    this.referenced = true
    this.link.refresh()
    return this
  }

  unref(): this {
    this.referenced = false
    this.link.refresh()
    return this
  }

  override _read(): void {}

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    // pg writes a parameterised query as five messages in a row; one hand-over per tick carries them all.
    if (this.outgoing.length === 0) process.nextTick(() => this.flushOutgoing())
    this.outgoing.push(chunk)
    callback()
  }

  private flushOutgoing(): void {
    if (this.outgoing.length === 0) return
    // A copy of just these bytes, handed over rather than cloned: pg's buffers are often views into a larger slab.
    const bytes = new Uint8Array(Buffer.concat(this.outgoing))
    this.outgoing = []
    this.link.send(this.id, bytes)
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.flushOutgoing()
    this.link.end(this.id)
    this.push(null)
    callback()
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.link.end(this.id)
    callback(error)
  }
}
