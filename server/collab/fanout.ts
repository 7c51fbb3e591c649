// Fan-out between app instances over Redis pub/sub: one channel per loaded document. Every message carries the
// sending instance's id so an instance ignores its own. Redis is only a relay; Postgres stays the record.
import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'

/** update: a Yjs update. awareness: an awareness update. hello: "I just loaded this document, here is my state
 * vector" — instances holding it answer with what it lacks and their clients' awareness. */
export const fanoutKinds = ['update', 'awareness', 'hello'] as const
export type FanoutKind = (typeof fanoutKinds)[number]

export interface FanoutHandlers {
  onMessage(docId: string, kind: FanoutKind, payload: Uint8Array): void
  /** Redis came back after an outage; messages may have been missed, so rooms should say hello again. */
  onReconnected(): void
}

const channelPrefix = 'storyreel:collab:'
const idBytes = 16

export class RedisFanout {
  readonly instanceId = randomBytes(idBytes)
  private readonly publisher: Redis
  private readonly subscriber: Redis
  private readyOnce = false
  /** ioredis runs a ready check (INFO) on connect, which a connection already in subscriber mode refuses. */
  private readonly subscriberReady: Promise<void>

  constructor(url: string, handlers: FanoutHandlers, log: (line: string) => void) {
    const options = { lazyConnect: false, enableAutoPipelining: true }
    this.publisher = new Redis(url, { ...options, connectionName: 'storyreel-collab-pub' })
    this.subscriber = new Redis(url, { ...options, connectionName: 'storyreel-collab-sub' })
    this.subscriberReady = new Promise((resolve) => this.subscriber.once('ready', () => resolve()))
    let lastError = ''
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', (error: Error) => {
        // ioredis retries on its own; say so once per distinct problem instead of on every attempt.
        if (error.message !== lastError) log(`Redis fan-out: ${error.message} (retrying)`)
        lastError = error.message
      })
    }
    this.subscriber.on('ready', () => {
      lastError = ''
      if (this.readyOnce) handlers.onReconnected()
      this.readyOnce = true
    })
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      if (message.length < 1 + idBytes || message.subarray(1, 1 + idBytes).equals(this.instanceId)) return
      const kind = fanoutKinds[message[0] ?? 255]
      if (!kind) return
      const docId = channel.toString('utf8').slice(channelPrefix.length)
      handlers.onMessage(docId, kind, new Uint8Array(message.buffer, message.byteOffset + 1 + idBytes, message.length - 1 - idBytes))
    })
  }

  async subscribe(docId: string): Promise<void> {
    await this.subscriberReady
    await this.subscriber.subscribe(channelPrefix + docId)
  }

  async unsubscribe(docId: string): Promise<void> {
    await this.subscriberReady
    await this.subscriber.unsubscribe(channelPrefix + docId)
  }

  publish(docId: string, kind: FanoutKind, payload: Uint8Array): void {
    const message = Buffer.allocUnsafe(1 + idBytes + payload.length)
    message[0] = fanoutKinds.indexOf(kind)
    this.instanceId.copy(message, 1)
    message.set(payload, 1 + idBytes)
    this.publisher.publish(channelPrefix + docId, message).catch(() => {
      // Reported by the 'error' listener; a missed message is repaired by the hello after reconnection.
    })
  }

  /** Readiness: PING on the connection updates are published on. Fails at once while it is not connected, rather
   * than waiting in ioredis's offline queue. */
  async ping(): Promise<void> {
    if (this.publisher.status !== 'ready') throw new Error(`Redis connection is ${this.publisher.status}`)
    await this.publisher.ping()
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()])
    this.publisher.disconnect()
    this.subscriber.disconnect()
  }
}
