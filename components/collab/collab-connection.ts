// The live connection of one document in the browser: the stock y-websocket provider, offline storage in IndexedDB,
// and the decisions the provider cannot make alone: why an upgrade was refused (it only sees code 1006), when to
// stop for good, and how long to wait before trying again (backoff with jitter). React-free; use-collab-doc wraps it.
//
// Each attempt sends the access probe and opens the socket at the same time: the probe's answer is needed only to
// label the state (read-only, denied) and to tell a refused upgrade from a failed one, so waiting for it before the
// socket cost a whole round trip on every page that opens a document.
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import { IndexeddbPersistence } from 'y-indexeddb'
import type { Role } from '@/lib/roles'
import { reconnectDelay } from '@/lib/collab/backoff'
import { isPermanentClose } from '@/lib/collab/close-codes'
import { collabAccessResponse } from '@/lib/collab/access-response'
import { connectionStatus, statusLabels, type ConnectionFacts, type ConnectionStatus } from '@/lib/collab/connection-state'
import { peopleFromAwareness, type Person, type PresenceUser } from '@/lib/collab/presence'

export interface CollabConnectionOptions {
  docId: string
  doc: Y.Doc
  /** The app's origin, e.g. window.location.origin. */
  baseUrl: string
  /** Keeps each signed-in person's offline copy apart on a shared computer. */
  userId?: string
  /** Keep a copy in IndexedDB so edits survive going offline and closing the tab (default: when available). */
  offlineStorage?: boolean
  /** For Node (tests): a WebSocket class and fetch options that carry the session cookie. */
  WebSocketPolyfill?: typeof WebSocket
  fetch?: typeof fetch
  fetchInit?: RequestInit
  /** Send the access probe when constructed, before start() (default: in a browser, where the effect that calls start() runs only after hydration). */
  probeEarly?: boolean
}

export interface CollabSnapshot {
  /** Changes each time the connection (re)starts, with a fresh awareness. */
  generation: number
  status: ConnectionStatus
  label: string
  /** Why we are denied or were last disconnected, in the server's words. */
  reason: string | null
  readOnly: boolean
  role: Role | null
  me: PresenceUser | null
  people: Person[]
  /** The offline copy has been loaded; edits made now survive a reload without a connection. */
  savedLocally: boolean
}

interface SnapshotExtras {
  reason: string | null
  role: Role | null
  me: PresenceUser | null
  people: Person[]
  savedLocally: boolean
  generation: number
}

type Probe = { kind: 'ok'; access: 'read-write' | 'read-only'; role: Role; user: PresenceUser } | { kind: 'denied'; message: string } | { kind: 'unreachable' }

/** An early probe older than this is not used: access may have changed since. */
const earlyProbeMaxAgeMs = 10_000

export class CollabConnection {
  private currentAwareness: Awareness | null = null
  private provider: WebsocketProvider | null = null
  private storage: IndexeddbPersistence | null = null
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private attempt = 0
  /** Counts connect() calls, so an answer that arrives after a newer attempt started is ignored. */
  private attemptSerial = 0
  private currentProbe: Promise<Probe> = Promise.resolve({ kind: 'unreachable' })
  private earlyProbe: { answer: Promise<Probe>; sentAt: number } | null = null
  private running = false
  private facts: ConnectionFacts = { socketOpen: false, synced: false, readOnly: false, accessKnown: false, deniedReason: null, browserOffline: false, failedAttempts: 0, everConnected: false }
  private extra: SnapshotExtras = { reason: null, role: null, me: null, people: [], savedLocally: false, generation: 0 }
  private snapshot: CollabSnapshot
  private readonly listeners = new Set<() => void>()

  /**
   * Creates nothing that needs releasing, so it is safe to construct during a React render; in a browser it sends the
   * access probe at once (a GET whose answer start() picks up), which is the earliest moment the page knows its docId.
   * A construction React throws away costs one unanswered request.
   */
  constructor(private readonly options: CollabConnectionOptions) {
    this.snapshot = this.buildSnapshot()
    if (options.probeEarly ?? typeof window !== 'undefined') this.earlyProbe = { answer: this.probe(), sentAt: Date.now() }
  }

  /** Presence of this document while started (its timers run only between start and stop). */
  get awareness(): Awareness | null {
    return this.currentAwareness
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getSnapshot = (): CollabSnapshot => this.snapshot

  /** Opens the offline copy and the connection. Safe to call again after stop() (React StrictMode does). */
  start(): void {
    if (this.running) return
    this.running = true
    const { doc, docId, userId } = this.options
    const awareness = new Awareness(doc)
    this.currentAwareness = awareness
    this.update({}, { generation: this.extra.generation + 1, people: [] })
    if (this.options.offlineStorage ?? typeof indexedDB !== 'undefined') {
      this.storage = new IndexeddbPersistence(`storyreel:${userId ?? 'anonymous'}:${docId}`, doc)
      void this.storage.whenSynced.then(() => this.update({}, { savedLocally: true }))
    }
    const wsBase = this.options.baseUrl.replace(/^http/, 'ws').replace(/\/$/, '')
    this.provider = new WebsocketProvider(`${wsBase}/collab`, docId, doc, {
      connect: false,
      awareness,
      WebSocketPolyfill: this.options.WebSocketPolyfill,
      // We decide about reconnecting (after asking the server why), so the provider never retries a server close.
      shouldReconnect: () => false,
    })
    this.provider.on('status', ({ status }) => this.update({ socketOpen: status === 'connected', synced: status === 'connected' && this.facts.synced }))
    this.provider.on('sync', (synced: boolean) => {
      if (synced) this.attempt = 0
      this.update(synced ? { synced, failedAttempts: 0, everConnected: true } : { synced })
    })
    this.provider.on('connection-close', (event) => this.onClose(event))
    awareness.on('change', this.onAwarenessChange)
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline)
      window.addEventListener('offline', this.onOffline)
      this.update({ browserOffline: typeof navigator !== 'undefined' && navigator.onLine === false })
    }
    void this.connect()
  }

  /** Tries again after a refusal (e.g. once the person has signed in again). */
  retry(): void {
    if (!this.running || this.retryTimer) return
    this.attempt = 0
    this.update({ deniedReason: null, failedAttempts: 0 }, { reason: null })
    void this.connect()
  }

  /** Closes everything start() opened; the Y.Doc stays with its owner. */
  stop(): void {
    if (!this.running) return
    this.running = false
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onOnline)
      window.removeEventListener('offline', this.onOffline)
    }
    this.provider?.destroy()
    this.provider = null
    this.currentAwareness?.off('change', this.onAwarenessChange)
    this.currentAwareness?.destroy()
    this.currentAwareness = null
    void this.storage?.destroy()
    this.storage = null
    this.update({ socketOpen: false, synced: false })
  }

  private async connect(): Promise<void> {
    this.retryTimer = null
    const serial = ++this.attemptSerial
    const answer = this.takeEarlyProbe() ?? this.probe()
    this.currentProbe = answer
    this.update({ accessKnown: false })
    this.provider?.connect()
    const probe = await answer
    const provider = this.provider
    if (!this.running || !provider || serial !== this.attemptSerial) return
    if (probe.kind === 'denied') {
      // The server refuses the upgrade too; close our side rather than leave the socket to find that out.
      provider.disconnect()
      this.update({ deniedReason: probe.message }, { reason: probe.message })
      return
    }
    if (probe.kind === 'unreachable') {
      // The socket went out alongside, but without an answer we cannot say read-only or denied: as before, a failed attempt.
      provider.disconnect()
      this.update({ failedAttempts: this.facts.failedAttempts + 1 })
      this.scheduleRetry()
      return
    }
    this.currentAwareness?.setLocalStateField('user', probe.user)
    this.update({ readOnly: probe.access === 'read-only', accessKnown: true, deniedReason: null }, { role: probe.role, me: probe.user })
  }

  /** The probe sent at construction, once, if it is recent; StrictMode's second start() and every retry ask again. */
  private takeEarlyProbe(): Promise<Probe> | null {
    const early = this.earlyProbe
    this.earlyProbe = null
    return early && Date.now() - early.sentAt <= earlyProbeMaxAgeMs ? early.answer : null
  }

  /** Asks the server whether and how this session may open the document: a browser cannot read a refused upgrade. */
  private async probe(): Promise<Probe> {
    try {
      const response = await (this.options.fetch ?? fetch)(`${this.options.baseUrl.replace(/\/$/, '')}/collab/${encodeURIComponent(this.options.docId)}`, {
        cache: 'no-store',
        ...this.options.fetchInit,
      })
      const body = collabAccessResponse.safeParse(await response.json())
      if (!body.success) return { kind: 'unreachable' }
      if (body.data.ok) return { kind: 'ok', access: body.data.access, role: body.data.role, user: body.data.user }
      // 401/403/404 are answers; anything else (503 while restarting, a proxy's 502) means "try again".
      return [401, 403, 404].includes(body.data.status) ? { kind: 'denied', message: body.data.message } : { kind: 'unreachable' }
    } catch {
      return { kind: 'unreachable' }
    }
  }

  private onClose(event: CloseEvent | null): void {
    this.update({ socketOpen: false, synced: false })
    // null: the provider closed the socket itself (its silence watchdog) and reconnects on its own.
    if (!event || !this.running) return
    if (isPermanentClose(event.code)) {
      const reason = event.reason || 'The server closed this document for you.'
      this.update({ deniedReason: reason }, { reason })
      return
    }
    const failed = !this.facts.everConnected || event.code === 1006
    this.update({}, { reason: event.reason || null })
    // A refused upgrade and a dropped connection look alike here (1006); this attempt's probe tells them apart. If it
    // said denied or unreachable, connect() has already acted on it.
    const serial = this.attemptSerial
    void this.currentProbe.then((probe) => {
      if (!this.running || serial !== this.attemptSerial || probe.kind !== 'ok') return
      if (failed) this.update({ failedAttempts: this.facts.failedAttempts + 1 })
      this.scheduleRetry()
    })
  }

  private scheduleRetry(): void {
    if (!this.running || this.retryTimer || this.facts.deniedReason !== null) return
    this.retryTimer = setTimeout(() => void this.connect(), reconnectDelay(this.attempt++))
  }

  private readonly onOnline = (): void => {
    this.update({ browserOffline: false })
    if (this.retryTimer) {
      clearTimeout(this.retryTimer)
      void this.connect()
    }
  }

  private readonly onOffline = (): void => this.update({ browserOffline: true })

  private readonly onAwarenessChange = (): void => {
    if (!this.currentAwareness) return
    const people = peopleFromAwareness(this.currentAwareness.getStates(), this.options.doc.clientID, this.extra.me?.id)
    if (JSON.stringify(people) !== JSON.stringify(this.extra.people)) this.update({}, { people })
  }

  private update(facts: Partial<ConnectionFacts>, extra: Partial<SnapshotExtras> = {}): void {
    this.facts = { ...this.facts, ...facts }
    this.extra = { ...this.extra, ...extra }
    const next = this.buildSnapshot()
    if (JSON.stringify(next) === JSON.stringify(this.snapshot)) return
    this.snapshot = next
    for (const listener of this.listeners) listener()
  }

  private buildSnapshot(): CollabSnapshot {
    const status = connectionStatus(this.facts)
    return { status, label: statusLabels[status], readOnly: this.facts.readOnly, ...this.extra }
  }
}
