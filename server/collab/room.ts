// One loaded document: its Yjs state, its awareness, the sockets on it. Applies what writers send, drops what
// read-only sockets send, stamps every awareness state with the sender's server-side identity, and relays
// everything to the other sockets, the update log and (with Redis) the other instances.
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate as encodeAwarenessStates, removeAwarenessStates } from 'y-protocols/awareness'
import { boardPanelsKey, type DocName } from '@/lib/collab/doc-name'
import { closeCodes } from '@/lib/collab/close-codes'
import type { Connection } from './connection'
import { DocumentSizeGuard, documentTooLargeReason } from './limits'
import type { CollabMetricsSink } from './collab-metrics-sink'
import type { FanoutKind } from './fanout'
import {
  awarenessMessage,
  decodeAwarenessUpdate,
  decodeClientMessage,
  encodeAwarenessUpdate,
  syncStep1Message,
  syncStep2Message,
  updateMessage,
  type AwarenessEntry,
} from './protocol'

/** Awareness client ids one socket may speak for (a tab normally uses one; a document re-created in place, two). */
const maxClientIdsPerConnection = 4
const remoteOrigin = Symbol('remote instance')

export interface RoomServices {
  maxDocBytes: number
  /** Appends an applied update to the document's log in Postgres. */
  persist(docId: string, update: Uint8Array): void
  /** Records that a board names a panel (board documents only). */
  claimPanel(projectId: string, panelId: string): void
  /** Sends to the other instances; null without Redis. */
  publish: ((docId: string, kind: FanoutKind, payload: Uint8Array) => void) | null
  metrics: CollabMetricsSink
  log(line: string): void
}

export class Room {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness: Awareness
  readonly connections = new Set<Connection>()
  private readonly awarenessOwners = new Map<number, Connection | typeof remoteOrigin>()
  private readonly sizeGuard: DocumentSizeGuard
  private readonly knownPanels = new Set<string>()

  /** `stored` is the document as loaded from Postgres; the room exists only once that load succeeded. */
  constructor(
    readonly name: DocName,
    stored: readonly Uint8Array[],
    private readonly services: RoomServices,
  ) {
    this.doc.transact(() => {
      for (const update of stored) Y.applyUpdate(this.doc, update)
    })
    this.sizeGuard = new DocumentSizeGuard(
      services.maxDocBytes,
      stored.reduce((sum, update) => sum + update.byteLength, 0),
      () => Y.encodeStateAsUpdate(this.doc).byteLength,
    )
    this.awareness = new Awareness(this.doc)
    this.awareness.setLocalState(null)
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
    if (name.kind === 'board') this.watchPanels(name.projectId)
  }

  get docId(): string {
    return this.name.name
  }

  attach(connection: Connection): void {
    this.connections.add(connection)
    connection.send(syncStep1Message(this.doc))
    if (this.awareness.getStates().size > 0) connection.send(awarenessMessage(this.allAwareness()))
  }

  detach(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    for (const clientId of connection.clientIds) this.awarenessOwners.delete(clientId)
    removeAwarenessStates(this.awareness, [...connection.clientIds], null)
  }

  /** Handles one frame from a socket. A frame that does not decode or apply closes that socket, nothing else. */
  receive(connection: Connection, data: Uint8Array): void {
    try {
      const message = decodeClientMessage(data)
      switch (message.kind) {
        case 'sync-step-1':
          connection.send(syncStep2Message(this.doc, message.stateVector))
          break
        case 'sync-step-2':
        case 'update':
          this.applyClientUpdate(connection, message.update)
          break
        case 'awareness':
          this.applyClientAwareness(connection, message.update)
          break
        case 'query-awareness':
          connection.send(awarenessMessage(this.allAwareness()))
          break
        case 'auth':
          break
      }
    } catch (error) {
      connection.close(closeCodes.malformedMessage, `Malformed message: ${(error as Error).message}`)
    }
  }

  receiveRemote(kind: FanoutKind, payload: Uint8Array): void {
    try {
      if (kind === 'update') Y.applyUpdate(this.doc, payload, remoteOrigin)
      else if (kind === 'awareness') this.applyRemoteAwareness(payload)
      else this.answerHello(payload)
    } catch (error) {
      this.services.log(`ignored a bad ${kind} message from another instance for ${this.docId}: ${(error as Error).message}`)
    }
  }

  /** Tells the other instances this one holds the document, so they send what it lacks. */
  sayHello(): void {
    this.services.publish?.(this.docId, 'hello', Y.encodeStateVector(this.doc))
  }

  destroy(): void {
    this.doc.off('update', this.onDocUpdate)
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }

  private applyClientUpdate(connection: Connection, update: Uint8Array): void {
    // Viewers and commenters: not applied, so never persisted or broadcast. Their awareness still flows.
    if (connection.readOnly) return
    if (!this.sizeGuard.admits(update.byteLength)) {
      connection.close(closeCodes.tooLarge, documentTooLargeReason(this.services.maxDocBytes))
      return
    }
    Y.applyUpdate(this.doc, update, connection)
  }

  private applyClientAwareness(connection: Connection, update: Uint8Array): void {
    const accepted: AwarenessEntry[] = []
    for (const entry of decodeAwarenessUpdate(update)) {
      if (entry.clientId === this.awareness.clientID || !this.mayUpdate(connection, entry)) continue
      // The identity comes from the session, whatever the client wrote.
      accepted.push(entry.state === null ? entry : { ...entry, state: { ...entry.state, user: connection.identity } })
    }
    if (accepted.length > 0) applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(accepted), connection)
  }

  /**
   * Whether `connection` may set this awareness entry, claiming the client id if needed. Stock providers echo every
   * peer's state back to the server, so entries for ids the socket does not own are normal and are skipped unless
   * they are a genuinely newer state of an id nobody live holds (a client reconnecting, or one that moved here from
   * another instance) or of one the same person holds on a stale socket.
   */
  private mayUpdate(connection: Connection, entry: AwarenessEntry): boolean {
    const owner = this.awarenessOwners.get(entry.clientId)
    if (owner === connection) return true
    if (entry.state === null) return false // only the owner may clear a presence
    if (owner !== undefined && owner !== remoteOrigin && owner.isOpen && owner.identity.id !== connection.identity.id) return false
    const known = this.awareness.meta.get(entry.clientId)
    if (known !== undefined && entry.clock <= known.clock) return false // an echo of a state already held
    if (connection.clientIds.size >= maxClientIdsPerConnection) return false
    if (owner !== undefined && owner !== remoteOrigin) owner.clientIds.delete(entry.clientId)
    this.awarenessOwners.set(entry.clientId, connection)
    connection.clientIds.add(entry.clientId)
    return true
  }

  private applyRemoteAwareness(update: Uint8Array): void {
    const entries = decodeAwarenessUpdate(update).filter((entry) => {
      const owner = this.awarenessOwners.get(entry.clientId)
      if (owner === undefined && entry.state !== null) this.awarenessOwners.set(entry.clientId, remoteOrigin)
      return owner === undefined || owner === remoteOrigin
    })
    if (entries.length > 0) applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(entries), remoteOrigin)
  }

  private answerHello(stateVector: Uint8Array): void {
    const missing = Y.encodeStateAsUpdate(this.doc, stateVector)
    // An update with nothing in it is two zero bytes.
    if (missing.byteLength > 2) this.services.publish?.(this.docId, 'update', missing)
    // The sender holds edits this room lacks: after a Redis outage our own hello may have gone out before the sender
    // had subscribed again, and been lost; ask back. Once it answers, its state no longer runs ahead, so this stops.
    if (runsAhead(stateVector, this.doc)) this.sayHello()
    const local = [...this.awarenessOwners].filter(([, owner]) => owner !== remoteOrigin).map(([clientId]) => clientId)
    const present = local.filter((clientId) => this.awareness.getStates().has(clientId))
    if (present.length > 0) this.services.publish?.(this.docId, 'awareness', encodeAwarenessStates(this.awareness, present))
  }

  private allAwareness(): Uint8Array {
    return encodeAwarenessStates(this.awareness, [...this.awareness.getStates().keys()])
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.sizeGuard.applied(update.byteLength)
    this.services.metrics.updateApplied(origin === remoteOrigin ? 'instance' : this.connections.has(origin as Connection) ? 'client' : 'server')
    const frame = updateMessage(update)
    for (const connection of this.connections) if (connection !== origin) connection.send(frame)
    this.services.persist(this.docId, update)
    if (origin !== remoteOrigin) this.services.publish?.(this.docId, 'update', update)
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const update = encodeAwarenessStates(this.awareness, added.concat(updated, removed))
    const frame = awarenessMessage(update)
    // The sender gets its own update back too, as from the stock server: a client alone on a document hears nothing
    // else, and the provider drops a connection that has been silent for 30 s.
    for (const connection of this.connections) connection.send(frame)
    if (origin !== remoteOrigin) this.services.publish?.(this.docId, 'awareness', update)
  }

  private watchPanels(projectId: string): void {
    const panels = this.doc.getMap(boardPanelsKey)
    const claim = (panelId: string) => {
      if (this.knownPanels.has(panelId)) return
      this.knownPanels.add(panelId)
      this.services.claimPanel(projectId, panelId)
    }
    for (const panelId of panels.keys()) claim(panelId)
    panels.observe((event) => {
      for (const panelId of event.keysChanged) if (panels.has(panelId)) claim(panelId)
    })
  }
}

/** Whether a state vector has seen edits (of any client) that the document has not. */
function runsAhead(stateVector: Uint8Array, doc: Y.Doc): boolean {
  const ours = Y.decodeStateVector(Y.encodeStateVector(doc))
  for (const [client, clock] of Y.decodeStateVector(stateVector)) if (clock > (ours.get(client) ?? 0)) return true
  return false
}
