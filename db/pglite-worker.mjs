// @ts-check
// The embedded database's own thread. PGlite runs Postgres compiled to WASM synchronously on whatever thread calls it,
// so on the main thread every query stalled WebSocket relaying, HTTP and timers for its whole duration. Here it answers
// the PostgreSQL wire protocol that node-postgres speaks (db/pglite-worker-link.ts carries the bytes), which also puts
// the embedded database on the same driver path as DATABASE_URL.
//
// Plain JavaScript on purpose: a worker thread gets no TypeScript loader from vitest, tsx or Next.js.
//
// Messages from the main thread: { type: 'open' | 'end', id } for a connection, { type: 'data', id, bytes } for its
// protocol bytes, { type: 'close' } to close the database. Answers: 'ready' or 'failed' once, { type: 'data', id,
// bytes } per batch of input ({ type: 'error', id, message } if PGlite failed on it), 'closed'.
import { Buffer } from 'node:buffer'
import process from 'node:process'
import { parentPort, workerData } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'

if (!parentPort) throw new Error('db/pglite-worker.mjs runs only as a worker thread')
const port = parentPort

/** @type {{ dataDir?: string }} */
const options = workerData ?? {}

/** @type {PGlite} */
let db
try {
  db = new PGlite(options.dataDir)
  await db.waitReady
} catch (error) {
  port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
  process.exit(1)
}

/**
 * Per connection: bytes received but not yet a whole message, whether the startup message has been seen, and the
 * transaction status from the last ReadyForQuery ('I' idle, 'T' in a transaction, 'E' failed transaction).
 * @typedef {{ pending: Uint8Array, started: boolean, txStatus: number }} Connection
 */
/** @type {Map<number, Connection>} */
const connections = new Map()
const idle = 'I'.charCodeAt(0)
const readyForQuery = 'Z'.charCodeAt(0)
const terminate = 'X'.charCodeAt(0)
const sslRequestCode = 80877103

// PGlite is one session: messages run strictly one after another, across connections too, in arrival order.
let queue = Promise.resolve()
port.on('message', (message) => {
  queue = queue
    .then(() => handle(message))
    .catch((error) => {
      // The client must hear of it, or its query would wait forever for an answer.
      if (message.type === 'data') port.postMessage({ type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) })
      else console.error('[db] embedded database thread:', error)
    })
})
port.postMessage({ type: 'ready' })

/** @param {{ type: string, id?: number, bytes?: Uint8Array }} message */
async function handle(message) {
  if (message.type === 'open') {
    connections.set(/** @type {number} */ (message.id), { pending: new Uint8Array(0), started: false, txStatus: idle })
  } else if (message.type === 'data') {
    const id = /** @type {number} */ (message.id)
    const connection = connections.get(id)
    if (connection) await receive(id, connection, /** @type {Uint8Array} */ (message.bytes))
  } else if (message.type === 'end') {
    const connection = connections.get(/** @type {number} */ (message.id))
    connections.delete(/** @type {number} */ (message.id))
    // A client that went away mid-transaction must not leave the one session inside it for the next client.
    if (connection && connection.txStatus !== idle) await run(simpleQuery('ROLLBACK'))
  } else if (message.type === 'close') {
    await db.close()
    port.postMessage({ type: 'closed' })
    port.close()
  }
}

/**
 * @param {number} id
 * @param {Connection} connection
 * @param {Uint8Array} bytes
 */
async function receive(id, connection, bytes) {
  let buffer = concat([connection.pending, bytes])
  /** @type {Uint8Array[]} */
  const output = []
  for (;;) {
    const length = nextMessageLength(buffer, connection.started)
    if (length === null || buffer.length < length) break
    const message = buffer.subarray(0, length)
    buffer = buffer.subarray(length)
    if (!connection.started) {
      if (length === 8 && readInt32(message, 4) === sslRequestCode) {
        output.push(new Uint8Array(['N'.charCodeAt(0)]))
        continue
      }
      connection.started = true
    } else if (message[0] === terminate) {
      continue // the connection's end arrives as 'end'; PGlite itself must not be told to terminate
    }
    output.push(...(await run(message)))
  }
  connection.pending = buffer.slice()
  if (output.length === 0) return
  const answer = concat(output)
  connection.txStatus = lastTransactionStatus(answer) ?? connection.txStatus
  port.postMessage({ type: 'data', id, bytes: answer }, [answer.buffer])
}

/** @param {Uint8Array} message */
async function run(message) {
  /** @type {Uint8Array[]} */
  const chunks = []
  // The callback's view can point into WASM memory that the next call reuses: copy it.
  await db.runExclusive(() => db.execProtocolRawStream(message, { onRawData: (data) => chunks.push(data.slice()) }))
  return chunks
}

/**
 * Length of the next whole message, or null if not even its header has arrived. The startup message (and an SSL
 * request) has no type byte; every later message is a type byte and a length that counts itself.
 * @param {Uint8Array} buffer
 * @param {boolean} started
 */
function nextMessageLength(buffer, started) {
  if (!started) return buffer.length >= 4 ? readInt32(buffer, 0) : null
  return buffer.length >= 5 ? 1 + readInt32(buffer, 1) : null
}

/**
 * The status byte of the last ReadyForQuery in a run of whole backend messages.
 * @param {Uint8Array} bytes
 */
function lastTransactionStatus(bytes) {
  let status = null
  let offset = 0
  while (offset + 5 <= bytes.length) {
    const length = readInt32(bytes, offset + 1)
    if (bytes[offset] === readyForQuery && length === 5 && offset + 6 <= bytes.length) status = bytes[offset + 5]
    offset += 1 + length
  }
  return status
}

/** @param {string} text */
function simpleQuery(text) {
  const body = Buffer.from(`${text}\0`)
  const message = new Uint8Array(5 + body.length)
  message[0] = 'Q'.charCodeAt(0)
  new DataView(message.buffer).setInt32(1, 4 + body.length)
  message.set(body, 5)
  return message
}

/**
 * @param {Uint8Array} bytes
 * @param {number} offset
 */
function readInt32(bytes, offset) {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(offset)
}

/** @param {Uint8Array[]} parts */
function concat(parts) {
  if (parts.length === 1) return parts[0].slice()
  const total = parts.reduce((sum, part) => sum + part.length, 0)
  const result = new Uint8Array(total)
  let offset = 0
  for (const part of parts) {
    result.set(part, offset)
    offset += part.length
  }
  return result
}
