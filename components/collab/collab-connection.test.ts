// The order of the handshake: the access probe and the socket run at once, and what the client shows and decides
// still waits for the probe's answer. A stand-in server (components/ may not import server/; the real server's
// client tests are server/collab/client-connection.test.ts) lets each test hold the probe back for as long as it
// wants and refuse or accept the upgrade.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import type { CollabAccessResponse } from '@/lib/collab/access-response'
import { CollabConnection } from './collab-connection'

interface Behaviour {
  /** Answers to successive probes; the last one repeats. */
  probes: CollabAccessResponse[]
  probeDelayMs: number
  refuseUpgrade: boolean
}

const editor: CollabAccessResponse = { ok: true, access: 'read-write', role: 'editor', user: { id: 'u1', name: 'Ed Editor', color: '#f00', guest: false } }
const viewer: CollabAccessResponse = { ok: true, access: 'read-only', role: 'viewer', user: { id: 'u2', name: 'Vi Viewer', color: '#0f0', guest: false } }
const signedOut: CollabAccessResponse = { ok: false, status: 401, message: 'Please sign in to open this document.' }
const restarting: CollabAccessResponse = { ok: false, status: 503, message: 'The server is restarting.' }

let behaviour: Behaviour
let events: { kind: 'probe-sent' | 'probe-answered' | 'upgrade'; at: number }[] = []
const serverDoc = new Y.Doc()
serverDoc.getArray<string>('log').push(['from the server'])
let server: http.Server
let baseUrl = ''
const connections: CollabConnection[] = []

beforeAll(async () => {
  const sockets = new WebSocketServer({ noServer: true })
  sockets.on('connection', (socket) => {
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data))
      // 0 = sync; awareness (1) is of no interest here.
      if (decoding.readVarUint(decoder) !== 0) return
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0)
      syncProtocol.readSyncMessage(decoder, encoder, serverDoc, null)
      if (encoding.length(encoder) > 1) socket.send(encoding.toUint8Array(encoder))
    })
  })
  server = http.createServer((request, response) => {
    const count = events.filter((event) => event.kind === 'probe-sent').length
    events.push({ kind: 'probe-sent', at: performance.now() })
    const answer = behaviour.probes[Math.min(count, behaviour.probes.length - 1)]!
    setTimeout(() => {
      events.push({ kind: 'probe-answered', at: performance.now() })
      response.writeHead(answer.ok ? 200 : answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer))
    }, behaviour.probeDelayMs)
  })
  server.on('upgrade', (request, socket, head) => {
    events.push({ kind: 'upgrade', at: performance.now() })
    if (behaviour.refuseUpgrade) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n')
      return
    }
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterEach(() => {
  for (const connection of connections.splice(0)) connection.stop()
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

function connection(options: Partial<Behaviour> & { probeEarly?: boolean; doc?: Y.Doc } = {}): CollabConnection {
  behaviour = { probes: [editor], probeDelayMs: 0, refuseUpgrade: false, ...options }
  events = []
  const created = new CollabConnection({
    docId: 'board:p1',
    doc: options.doc ?? new Y.Doc(),
    baseUrl,
    offlineStorage: false,
    probeEarly: options.probeEarly ?? false,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  })
  connections.push(created)
  return created
}

async function waitUntil(check: () => boolean, message: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(message)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

const count = (kind: (typeof events)[number]['kind']) => events.filter((event) => event.kind === kind).length
const first = (kind: (typeof events)[number]['kind']) => events.find((event) => event.kind === kind)!.at
const status = (subject: CollabConnection) => subject.getSnapshot().status

describe('the collaboration handshake', { timeout: 15_000 }, () => {
  it('opens the socket without waiting for the probe, and says nothing about access until the probe answers', async () => {
    const doc = new Y.Doc()
    const subject = connection({ doc, probes: [viewer], probeDelayMs: 600 })
    subject.start()
    await waitUntil(() => doc.getArray('log').length === 1, 'the document never synced')
    // Synced while the probe is still held back: the upgrade did not wait for it.
    expect(count('probe-answered')).toBe(0)
    expect(first('upgrade') - first('probe-sent')).toBeLessThan(300)
    expect(subject.getSnapshot()).toMatchObject({ status: 'connecting', readOnly: false, role: null })
    await waitUntil(() => status(subject) === 'read-only', 'never showed read-only')
    expect(subject.getSnapshot()).toMatchObject({ label: 'Read-only', readOnly: true, role: 'viewer', me: { name: 'Vi Viewer' } })
  })

  it('stops for good when the upgrade is refused before the probe says why', async () => {
    const subject = connection({ probes: [signedOut], probeDelayMs: 400, refuseUpgrade: true })
    subject.start()
    await waitUntil(() => status(subject) === 'denied', 'never showed denied')
    // The refused upgrade (seen as 1006) came back long before the answer.
    expect(first('upgrade')).toBeLessThan(first('probe-answered'))
    expect(subject.getSnapshot()).toMatchObject({ label: 'Access denied', reason: 'Please sign in to open this document.' })
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect({ probes: count('probe-sent'), upgrades: count('upgrade') }).toEqual({ probes: 1, upgrades: 1 })
    expect(status(subject)).toBe('denied')
  })

  it('treats a probe that cannot answer as a failed attempt and tries again, socket and all', async () => {
    const subject = connection({ probes: [restarting, restarting, editor] })
    subject.start()
    await waitUntil(() => status(subject) === 'connected', 'never connected after the server came back', 10_000)
    expect(count('probe-sent')).toBe(3)
    expect(subject.getSnapshot()).toMatchObject({ label: 'Connected', role: 'editor' })
  })

  it('uses the probe sent at construction once; a StrictMode restart asks again', async () => {
    const subject = connection({ probeEarly: true })
    await waitUntil(() => count('probe-answered') === 1, 'the early probe was never sent')
    subject.start()
    await waitUntil(() => status(subject) === 'connected', 'never connected')
    expect(count('probe-sent')).toBe(1)
    subject.stop()
    subject.start()
    await waitUntil(() => status(subject) === 'connected' && count('probe-sent') === 2, 'never connected again')
  })

  it('does not probe at construction unless asked to (a server render has no browser to ask from)', async () => {
    connection({ probeEarly: false })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(count('probe-sent')).toBe(0)
  })
})
