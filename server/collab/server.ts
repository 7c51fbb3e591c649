// The collaboration server: turns authorised HTTP upgrades on /collab/<docId> into sockets on loaded rooms, answers
// the client's access probe, re-checks roles of open sockets, keeps sockets alive, and shuts down without losing edits.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import type { Role } from '@/lib/roles'
import { parseDocName, type DocName } from '@/lib/collab/doc-name'
import { closeCodes } from '@/lib/collab/close-codes'
import type { CollabAccessResponse } from '@/lib/collab/access-response'
import { authorizeDoc, mayWrite, type DocAccess } from './access'
import { authenticateUpgrade, checkOrigin, presenceIdentity, registeredGuestResolver, UpgradeRejection, type GuestResolver, type Principal } from './auth'
import { noCollabMetrics, type CollabMetricsSink } from './collab-metrics-sink'
import { loadCollabConfig, type CollabConfig } from './config'
import { Connection } from './connection'
import { createLiveDocuments, type LiveDocuments } from './document-access'
import { RedisFanout } from './fanout'
import { messageTooLargeReason } from './limits'
import { PanelRegistry } from './panel-registry'
import { UpdateLog } from './persistence'
import { RoleRechecker } from './role-recheck'
import type { Room } from './room'
import { RoomRegistry } from './rooms'

export interface CollabServerOptions {
  config?: Partial<CollabConfig>
  /** The app's public URL; upgrades must come from its origin. Defaults to APP_URL. */
  appUrl?: string
  /** next-auth's secret. Defaults to NEXTAUTH_SECRET. */
  secret?: string
  guestResolver?: GuestResolver
  log?: (line: string) => void
  /** Counters for /metrics (server/observability); nothing is counted without one. */
  metrics?: CollabMetricsSink
}

// A type, not an interface, so it stays a plain record of numbers (standalone.ts reports it as one).
export type CollabStats = {
  rooms: number
  connections: number
  /** Open sockets that may edit their document, and those that may only read it. */
  readWriteConnections: number
  readOnlyConnections: number
  /** Updates received but not yet written to collab_updates. */
  unsavedUpdates: number
}

export interface ConnectionInfo {
  principal: Principal
  docId: string
  projectId: string
  role: Role
}

export interface CollabServer {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void
  /** GET /collab/<docId>: may this session open the document, and how (the client's answer to "why was I refused"). */
  handleRequest(request: IncomingMessage, response: ServerResponse): void
  /** Closes matching sockets for good (e.g. a revoked share link); returns how many. */
  closeConnections(predicate: (connection: ConnectionInfo) => boolean, reason: string): number
  stats(): CollabStats
  /** PINGs Redis on the fan-out's connection (readiness); rejects when it is down or REDIS_URL is unset. */
  pingRedis(): Promise<void>
  /** Server-side reads and writes of documents through their rooms (see document-access.ts). */
  documents: LiveDocuments
  /** Stops accepting, closes sockets, saves everything pending. */
  close(): Promise<void>
}

const keepAliveMs = 30_000

export function createCollabServer(options: CollabServerOptions = {}): CollabServer {
  const config = { ...loadCollabConfig(), ...options.config }
  const log = options.log ?? ((line: string) => console.log(`[collab] ${line}`))
  const appUrl = options.appUrl ?? process.env.APP_URL ?? process.env.NEXTAUTH_URL
  const secret = options.secret ?? process.env.NEXTAUTH_SECRET
  if (!appUrl || !secret) throw new Error('The collaboration server needs APP_URL and NEXTAUTH_SECRET.')
  const appOrigin = new URL(appUrl).origin
  const session = { secret, secureCookie: appOrigin.startsWith('https:') }
  const guestResolver = () => options.guestResolver ?? registeredGuestResolver()
  const metrics = options.metrics ?? noCollabMetrics

  const updateLog = new UpdateLog({ flushMs: config.flushMs, compactAfter: config.compactAfter, log, metrics })
  const panels = new PanelRegistry(config.flushMs, log)
  const fanout = config.redisUrl
    ? new RedisFanout(
        config.redisUrl,
        {
          onMessage: (docId, kind, payload) => {
            metrics.fanoutReceived(kind)
            registry.get(docId)?.receiveRemote(kind, payload)
          },
          onReconnected: () => registry.all().forEach((room) => room.sayHello()),
        },
        log,
      )
    : null
  const registry: RoomRegistry = new RoomRegistry({
    unloadGraceMs: config.unloadGraceMs,
    updateLog,
    fanout,
    services: {
      maxDocBytes: config.maxDocBytes,
      persist: (docId, update) => updateLog.append(docId, update),
      claimPanel: (projectId, panelId) => panels.claim(projectId, panelId),
      publish: fanout
        ? (docId, kind, payload) => {
            metrics.fanoutPublished(kind)
            fanout.publish(docId, kind, payload)
          }
        : null,
      metrics,
      log,
    },
  })
  // Slightly above the limit so an oversized message is still read and refused with a clear reason (4413); far
  // beyond it ws cuts the socket itself (1009) without buffering more.
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes * 2, perMessageDeflate: false, clientTracking: false })
  const connections = () => registry.all().flatMap((room) => [...room.connections])
  const rechecker = new RoleRechecker(config.roleRecheckMs, connections, guestResolver, log)
  let closing = false

  // Every second, ping the sockets whose 30 s are up: sockets that joined at different times are pinged at different
  // times, instead of thousands in one burst that would hold up every room.
  const keepAlive = setInterval(() => {
    const now = Date.now()
    for (const connection of connections()) {
      if (!connection.isOpen || now - connection.lastPingAt < keepAliveMs) continue
      if (!connection.alive) {
        connection.socket.terminate()
        continue
      }
      connection.alive = false
      connection.lastPingAt = now
      try {
        connection.socket.ping()
      } catch {
        connection.socket.terminate()
      }
    }
  }, 1_000)
  keepAlive.unref()

  async function admit(request: IncomingMessage): Promise<{ name: DocName; principal: Principal; access: DocAccess }> {
    const name = docNameFromUrl(request.url)
    const principal = await authenticateUpgrade({ headers: request.headers, url: request.url ?? '' }, session, guestResolver())
    const access = await authorizeDoc(principal, name, guestResolver())
    return { name, principal, access }
  }

  async function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    if (closing) throw new UpgradeRejection(503, 'The server is restarting; try again shortly.')
    checkOrigin(request.headers, appOrigin)
    const { name, principal, access } = await admit(request)
    let room: Room
    try {
      room = await registry.acquire(name)
    } catch (error) {
      log(`could not load ${name.name}; refusing to serve it: ${(error as Error).message}`)
      throw new UpgradeRejection(503, 'This document could not be loaded; try again shortly.')
    }
    try {
      if (socket.destroyed) return
      if (closing) throw new UpgradeRejection(503, 'The server is restarting; try again shortly.')
      // ws completes the upgrade synchronously (no verifyClient), so the socket is attached before the hold ends.
      wss.handleUpgrade(request, socket, head, (ws) => {
        const connection = new Connection(ws, principal, presenceIdentity(principal), name.name, access.projectId, access.role, config.maxMessagesPerSec)
        wire(room, connection)
      })
    } finally {
      registry.release(name.name)
    }
  }

  function wire(room: Room, connection: Connection): void {
    const ws: WebSocket = connection.socket
    ws.on('error', () => {}) // always followed by 'close'
    ws.on('pong', () => {
      connection.alive = true
    })
    ws.on('close', () => registry.detach(room, connection))
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!connection.isOpen) return
      if (!isBinary) return connection.close(closeCodes.malformedMessage, 'Text frames are not part of the protocol.')
      const bytes = toBytes(data)
      if (bytes.byteLength > config.maxMessageBytes) {
        return connection.close(closeCodes.tooLarge, messageTooLargeReason(bytes.byteLength, config.maxMessageBytes))
      }
      if (!connection.limiter.take()) {
        return connection.close(closeCodes.rateLimited, 'Too many messages per second; reconnecting shortly.')
      }
      room.receive(connection, bytes)
    })
    registry.attach(room, connection)
  }

  return {
    handleUpgrade(request, socket, head) {
      socket.on('error', () => {}) // a client vanishing mid-handshake is not the server's problem
      upgrade(request, socket, head).catch((error: unknown) => {
        if (!(error instanceof UpgradeRejection)) log(`upgrade failed: ${(error as Error).stack ?? String(error)}`)
        const rejection = error instanceof UpgradeRejection ? error : new UpgradeRejection(503, 'The collaboration server had a problem.')
        rejectUpgrade(socket, rejection)
      })
    },

    handleRequest(request, response) {
      const answer = (status: number, body: CollabAccessResponse) =>
        response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body))
      if (request.method !== 'GET') return void answer(405, { ok: false, status: 405, message: 'Only GET is supported here.' })
      admit(request)
        .then(({ name, principal, access }) =>
          answer(200, { ok: true, access: mayWrite(access.role, name.name) ? 'read-write' : 'read-only', role: access.role, user: presenceIdentity(principal) }),
        )
        .catch((error: unknown) => {
          const rejection = error instanceof UpgradeRejection ? error : new UpgradeRejection(503, 'The collaboration server had a problem.')
          if (!(error instanceof UpgradeRejection)) log(`access probe failed: ${(error as Error).message}`)
          answer(rejection.status, { ok: false, status: rejection.status, message: rejection.message })
        })
    },

    closeConnections(predicate, reason) {
      let closed = 0
      for (const connection of connections()) {
        const info = { principal: connection.principal, docId: connection.docId, projectId: connection.projectId, role: connection.role }
        if (connection.isOpen && predicate(info)) {
          connection.close(closeCodes.accessRevoked, reason)
          closed += 1
        }
      }
      return closed
    },

    documents: createLiveDocuments(registry, () => updateLog.flush(), () => closing),

    stats() {
      const rooms = registry.all()
      let readWriteConnections = 0
      let readOnlyConnections = 0
      for (const room of rooms) {
        for (const connection of room.connections) {
          if (connection.readOnly) readOnlyConnections += 1
          else readWriteConnections += 1
        }
      }
      return {
        rooms: rooms.length,
        connections: readWriteConnections + readOnlyConnections,
        readWriteConnections,
        readOnlyConnections,
        unsavedUpdates: updateLog.unsaved,
      }
    },

    async pingRedis() {
      if (!fanout) throw new Error('REDIS_URL is not set')
      await fanout.ping()
    },

    async close() {
      if (closing) return
      closing = true
      clearInterval(keepAlive)
      rechecker.stop()
      try {
        await registry.shutdown('The server is restarting; reconnecting.')
        await panels.flush()
      } finally {
        updateLog.stop()
        panels.stop()
        wss.close()
        await fanout?.close()
      }
    },
  }
}

function docNameFromUrl(url: string | undefined): DocName {
  const path = (url ?? '').split('?')[0] ?? ''
  let raw: string
  try {
    raw = decodeURIComponent(path.replace(/^\/collab\//, ''))
  } catch {
    raw = ''
  }
  const name = path.startsWith('/collab/') ? parseDocName(raw) : null
  if (!name) throw new UpgradeRejection(400, 'Document names are board:<projectId> or panel:<panelId>.')
  return name
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data)
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data
}

const statusText: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' }

function rejectUpgrade(socket: Duplex, rejection: UpgradeRejection): void {
  if (socket.destroyed) return
  const body = `${rejection.message}\n`
  socket.end(
    `HTTP/1.1 ${rejection.status} ${statusText[rejection.status] ?? 'Error'}\r\n` +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  )
}
