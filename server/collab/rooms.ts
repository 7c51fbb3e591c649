// Which documents are in memory. A document is loaded from Postgres before anyone is served from it (concurrent
// openers share one load), and unloaded a grace period after its last socket leaves, once its updates are saved.
import type { DocName } from '@/lib/collab/doc-name'
import { closeCodes } from '@/lib/collab/close-codes'
import type { Connection } from './connection'
import type { RedisFanout } from './fanout'
import { loadDocument, type UpdateLog } from './persistence'
import { Room, type RoomServices } from './room'

export interface RoomRegistryOptions {
  unloadGraceMs: number
  updateLog: UpdateLog
  fanout: RedisFanout | null
  services: RoomServices
}

export class RoomRegistry {
  private readonly rooms = new Map<string, Room>()
  private readonly loading = new Map<string, Promise<Room>>()
  /** Upgrades in progress per document: the room must not unload under them. */
  private readonly holds = new Map<string, number>()
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>()

  constructor(private readonly options: RoomRegistryOptions) {}

  get(docId: string): Room | undefined {
    return this.rooms.get(docId)
  }

  all(): Room[] {
    return [...this.rooms.values()]
  }

  /** The loaded room, loading it if needed; the caller must `release` it once its socket is attached (or failed). */
  async acquire(name: DocName): Promise<Room> {
    const docId = name.name
    this.holds.set(docId, (this.holds.get(docId) ?? 0) + 1)
    this.cancelUnload(docId)
    try {
      const existing = this.rooms.get(docId)
      if (existing) return existing
      let pending = this.loading.get(docId)
      if (!pending) {
        pending = this.load(name).finally(() => this.loading.delete(docId))
        this.loading.set(docId, pending)
      }
      return await pending
    } catch (error) {
      this.release(docId)
      throw error
    }
  }

  release(docId: string): void {
    const count = (this.holds.get(docId) ?? 1) - 1
    if (count > 0) this.holds.set(docId, count)
    else this.holds.delete(docId)
    const room = this.rooms.get(docId)
    if (room) this.scheduleUnloadIfIdle(room)
  }

  attach(room: Room, connection: Connection): void {
    if (this.rooms.get(room.docId) !== room) {
      connection.close(closeCodes.loadFailed, 'The document was being unloaded; reconnecting.')
      return
    }
    this.cancelUnload(room.docId)
    room.attach(connection)
  }

  detach(room: Room, connection: Connection): void {
    room.detach(connection)
    this.scheduleUnloadIfIdle(room)
  }

  /** Closes every socket (clients reconnect elsewhere or later), saves everything pending, frees every room. */
  async shutdown(reason: string): Promise<void> {
    for (const timer of this.unloadTimers.values()) clearTimeout(timer)
    this.unloadTimers.clear()
    await Promise.allSettled(this.loading.values())
    for (const room of this.rooms.values()) {
      for (const connection of room.connections) connection.close(closeCodes.serviceRestart, reason)
    }
    await this.options.updateLog.flush()
    for (const room of this.rooms.values()) room.destroy()
    this.rooms.clear()
  }

  private async load(name: DocName): Promise<Room> {
    const { fanout, updateLog, services } = this.options
    // Subscribe before reading: whatever another instance publishes from here on reaches us, and its answer to our
    // hello (sent once loaded) covers anything it held but had not saved yet.
    // If Redis is down the document is still served from Postgres; the hello after reconnection repairs the gap.
    if (fanout) await withTimeout(fanout.subscribe(name.name), 3_000).catch((error: unknown) => services.log(`Redis subscribe for ${name.name} failed: ${(error as Error).message}`))
    try {
      const stored = await loadDocument(name.name)
      const room = new Room(name, stored.updates, services)
      this.rooms.set(name.name, room)
      updateLog.loaded(name.name, stored.unfoldedRows)
      room.sayHello()
      return room
    } catch (error) {
      if (fanout) void fanout.unsubscribe(name.name).catch(() => {})
      throw error
    }
  }

  private isIdle(room: Room): boolean {
    return room.connections.size === 0 && !this.holds.has(room.docId)
  }

  private scheduleUnloadIfIdle(room: Room): void {
    if (!this.isIdle(room) || this.unloadTimers.has(room.docId)) return
    const timer = setTimeout(() => void this.unload(room), this.options.unloadGraceMs)
    timer.unref()
    this.unloadTimers.set(room.docId, timer)
  }

  private cancelUnload(docId: string): void {
    const timer = this.unloadTimers.get(docId)
    if (timer) clearTimeout(timer)
    this.unloadTimers.delete(docId)
  }

  private async unload(room: Room): Promise<void> {
    const docId = room.docId
    this.unloadTimers.delete(docId)
    const { updateLog, fanout, services } = this.options
    try {
      // Saved first (including a write already in flight), while the room is still reachable: a client arriving
      // meanwhile simply keeps it loaded.
      do {
        await updateLog.flush()
      } while (updateLog.hasPending(docId))
    } catch (error) {
      services.log(`kept ${docId} in memory: its updates could not be saved yet (${(error as Error).message})`)
      this.scheduleUnloadIfIdle(room)
      return
    }
    if (!this.isIdle(room) || this.rooms.get(docId) !== room) return
    this.rooms.delete(docId)
    room.destroy()
    updateLog.forget(docId)
    if (fanout) void fanout.unsubscribe(docId).catch(() => {})
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
