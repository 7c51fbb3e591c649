import { createHash } from 'node:crypto'
import { ERRORS, type Lock, type Locker, type RequestRelease } from '@tus/server'
import pg from 'pg'

// A @tus/server Locker shared by every app instance on one PostgreSQL database, so two instances never write one
// upload at once. Each held lock is a session-level advisory lock on its own pooled connection, kept checked out for
// the lock's lifetime: if that connection dies, PostgreSQL frees the lock with the session, and the holder is told to
// stop (its requestRelease) since it no longer has the upload to itself.
//
// tus lockers are cooperative, as @tus/server's MemoryLocker shows: someone who wants a held lock calls the holder's
// requestRelease (a PATCH's request is then cancelled: most likely its client reconnected and that connection is
// half-open), and keeps trying until the holder lets go or its own time runs out. Across instances that call goes out
// as a NOTIFY on one channel every instance LISTENs to; a released lock is announced the same way so waiters retry at
// once instead of at their next poll. Notifications are only hints: waiters also poll, so a lost one costs latency.

const channel = 'storyreel_upload_locks'
const pollMs = { first: 25, max: 250 }
/** How often a waiter repeats its request that the holder let go (the holder may be busy starting its release). */
const askAgainMs = 1000

type Notice = { type: 'release' | 'released'; key: string }

export interface PgAdvisoryLockerOptions {
  connectionString: string
  /** Give up acquiring after this long (ERR_LOCK_TIMEOUT); 30 s, as MemoryLocker. */
  acquireTimeoutMs?: number
  /** Locks held at once by this instance, each one connection; 20 by default. */
  maxHeldLocks?: number
  /** Separates lock spaces sharing a database (tests); the advisory lock key is a hash of namespace and upload id. */
  namespace?: string
}

interface Held {
  client: pg.PoolClient
  requestRelease: RequestRelease
  lost: boolean
  onError: (error: Error) => void
}

export class PgAdvisoryLocker implements Locker {
  readonly acquireTimeoutMs: number
  private readonly namespace: string
  private readonly pool: pg.Pool
  private readonly connectionString: string
  /** Locks this instance holds, by upload id. */
  private readonly held = new Map<string, Held>()
  /** Local waiters to wake when a lock is announced released, by upload id. */
  private readonly waiters = new Map<string, Set<() => void>>()
  private listener: Promise<pg.Client> | null = null
  private closed = false

  constructor(options: PgAdvisoryLockerOptions) {
    this.connectionString = options.connectionString
    this.acquireTimeoutMs = options.acquireTimeoutMs ?? 30_000
    this.namespace = options.namespace ?? 'storyreel:tus-upload'
    // A few connections more than locks, for tries and notifications while every lock is held.
    this.pool = new pg.Pool({ connectionString: options.connectionString, max: (options.maxHeldLocks ?? 20) + 2, connectionTimeoutMillis: 10_000 })
    this.pool.on('error', (error) => console.error('[upload] lock pool idle client error:', error.message))
  }

  newLock(id: string): Lock {
    return new PgAdvisoryLock(id, this)
  }

  /** The signed 64-bit advisory lock key for an upload id. */
  keyOf(id: string): string {
    const digest = createHash('sha256').update(`${this.namespace}\0${id}`).digest()
    return digest.readBigInt64BE(0).toString()
  }

  /** Ends the listener and every pooled connection; held locks go with their sessions. */
  async close(): Promise<void> {
    this.closed = true
    const listener = this.listener
    this.listener = null
    if (listener) await listener.then((client) => client.end()).catch(() => undefined)
    for (const held of this.held.values()) held.client.release(true)
    this.held.clear()
    await this.pool.end()
  }

  /** @internal One attempt: the lock is ours (and registered) or someone else's. */
  async tryAcquire(id: string, requestRelease: RequestRelease): Promise<boolean> {
    if (this.closed) throw new Error('upload locker is closed')
    const client = await this.pool.connect()
    let acquired: boolean
    try {
      const result = await client.query<{ acquired: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS acquired', [this.keyOf(id)])
      acquired = result.rows[0]?.acquired === true
    } catch (error) {
      client.release(error instanceof Error ? error : true)
      throw error
    }
    if (!acquired) {
      client.release()
      return false
    }
    const held: Held = {
      client,
      requestRelease,
      lost: false,
      onError: (error) => {
        // The session is gone and the lock with it: whoever holds it must stop writing.
        if (held.lost) return
        console.error(`[upload] lost the lock on upload ${id}:`, error.message)
        held.lost = true
        void Promise.resolve(requestRelease()).catch(() => undefined)
      },
    }
    client.on('error', held.onError)
    this.held.set(id, held)
    return true
  }

  /** @internal */
  async release(id: string): Promise<void> {
    const held = this.held.get(id)
    if (!held) throw new Error('Releasing an unlocked lock!')
    this.held.delete(id)
    held.client.off('error', held.onError)
    if (held.lost) {
      held.client.release(true)
    } else {
      try {
        await held.client.query('SELECT pg_advisory_unlock($1::bigint)', [this.keyOf(id)])
        held.client.release()
      } catch (error) {
        // Dropping the connection ends the session, which frees the lock all the same.
        held.client.release(error instanceof Error ? error : true)
      }
    }
    await this.announce({ type: 'released', key: id })
  }

  /** @internal Asks whoever holds the lock, on any instance, to let go. */
  requestRelease(id: string): Promise<void> {
    return this.announce({ type: 'release', key: id })
  }

  /** @internal Resolves when the lock is announced released, after `ms`, or when `signal` aborts. */
  waitForRelease(id: string, ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const waiters = this.waiters.get(id) ?? new Set()
      this.waiters.set(id, waiters)
      const done = () => {
        clearTimeout(timer)
        signal.removeEventListener('abort', done)
        waiters.delete(done)
        if (waiters.size === 0) this.waiters.delete(id)
        resolve()
      }
      const timer = setTimeout(done, ms)
      signal.addEventListener('abort', done, { once: true })
      waiters.add(done)
    })
  }

  /** @internal Starts listening before the first attempt, so no release notice sent to this instance is missed. */
  listen(): Promise<pg.Client> {
    this.listener ??= this.openListener()
    return this.listener
  }

  private async openListener(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.connectionString })
    const reset = (error?: Error) => {
      if (error && !this.closed) console.error('[upload] lock listener lost its connection:', error.message)
      if (this.listener === opened) this.listener = null
    }
    const opened = (async () => {
      client.on('error', reset)
      client.on('end', () => reset())
      client.on('notification', (message) => {
        if (message.channel !== channel || !message.payload) return
        let notice: Notice
        try {
          notice = JSON.parse(message.payload) as Notice
        } catch {
          return
        }
        if (notice.type === 'release') {
          const held = this.held.get(notice.key)
          if (held) void Promise.resolve(held.requestRelease()).catch(() => undefined)
        } else {
          for (const wake of this.waiters.get(notice.key) ?? []) wake()
        }
      })
      await client.connect()
      await client.query(`LISTEN ${channel}`)
      return client
    })()
    opened.catch(() => reset())
    return opened
  }

  private async announce(notice: Notice): Promise<void> {
    try {
      await this.pool.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(notice)])
    } catch (error) {
      // Only a hint: waiters poll anyway.
      console.error('[upload] could not announce a lock change:', error instanceof Error ? error.message : error)
    }
  }
}

class PgAdvisoryLock implements Lock {
  constructor(
    private readonly id: string,
    private readonly locker: PgAdvisoryLocker,
  ) {}

  async lock(stopSignal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const deadline = Date.now() + this.locker.acquireTimeoutMs
    // Without a listener this instance could not be asked to let go, so it may not take locks.
    await this.locker.listen()
    let askedAt = 0
    let pause = pollMs.first
    for (;;) {
      if (stopSignal.aborted) throw ERRORS.ERR_LOCK_TIMEOUT
      if (await this.locker.tryAcquire(this.id, requestRelease)) return
      if (Date.now() - askedAt >= askAgainMs) {
        askedAt = Date.now()
        await this.locker.requestRelease(this.id)
      }
      const left = deadline - Date.now()
      if (left <= 0) throw ERRORS.ERR_LOCK_TIMEOUT
      await this.locker.waitForRelease(this.id, Math.min(pause, left), stopSignal)
      pause = Math.min(pause * 2, pollMs.max)
    }
  }

  unlock(): Promise<void> {
    return this.locker.release(this.id)
  }
}
