// Clients for the collaboration tests: the stock y-websocket WebsocketProvider on `ws` (as the issue asks), plus raw
// sockets for what a well-behaved provider never sends.
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'

export type Headers = Record<string, string>

// Every WebsocketProvider in Node adds a process 'exit' listener; tests run dozens of them on purpose.
process.setMaxListeners(200)

/** A `ws` WebSocket that sends a browser's cookie and Origin; passed to the provider as its WebSocketPolyfill. */
export function webSocketWith(headers: Headers): typeof globalThis.WebSocket {
  class BrowserLikeWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers })
    }
  }
  return BrowserLikeWebSocket as unknown as typeof globalThis.WebSocket
}

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Close events the provider saw, newest last. */
  closes: { code: number; reason: string }[]
  destroy(): void
}

export function connectClient(options: { wsUrl: string; docName: string; headers: Headers; doc?: Y.Doc; maxBackoffTime?: number }): TestClient {
  const doc = options.doc ?? new Y.Doc()
  const provider = new WebsocketProvider(options.wsUrl, options.docName, doc, {
    WebSocketPolyfill: webSocketWith(options.headers),
    disableBc: true,
    maxBackoffTime: options.maxBackoffTime ?? 500,
  })
  const closes: TestClient['closes'] = []
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason })
  })
  return {
    doc,
    provider,
    closes,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

export function whenSynced(client: TestClient, timeoutMs = 10_000): Promise<void> {
  if (client.provider.synced) return Promise.resolve()
  return waitUntil(() => client.provider.synced, { timeoutMs, message: 'provider never synced' })
}

export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  { timeoutMs = 10_000, intervalMs = 20, message = 'condition not met' }: { timeoutMs?: number; intervalMs?: number; message?: string } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms: ${message}`)
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}

/** The HTTP status an upgrade gets: 101 when accepted (the socket is closed again at once). */
export function upgradeStatus(url: string, headers: Headers): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    ws.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0)
      ws.terminate()
    })
    ws.on('open', () => {
      resolve(101)
      ws.terminate()
    })
    ws.on('error', (error) => reject(error))
  })
}

/** A raw, open socket on a document (already past the upgrade). */
export function openRawSocket(url: string, headers: Headers): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    ws.binaryType = 'nodebuffer'
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_request, response) => reject(new Error(`upgrade refused with ${response.statusCode}`)))
    ws.once('error', reject)
  })
}

export function closeEvent(ws: WebSocket, timeoutMs = 5_000): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    if (ws.readyState === WebSocket.CLOSED) return reject(new Error('socket already closed'))
    const timer = setTimeout(() => reject(new Error('socket was not closed')), timeoutMs)
    ws.once('close', (code, reason) => {
      clearTimeout(timer)
      resolve({ code, reason: reason.toString() })
    })
  })
}

/** Every string pushed to the document's test log, in document order. */
export const logOf = (doc: Y.Doc): string[] => doc.getArray<string>('log').toArray()
