import { randomUUID } from 'node:crypto'
import { ERRORS } from '@tus/server'
import pg from 'pg'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { PgAdvisoryLocker } from './pg-advisory-locker'

// The upload locker on real PostgreSQL (it needs sessions of its own, which the one-session PGlite cannot give), as
// two app instances would use it: two lockers, each with its own pool and listener, on one database.

const url = process.env.TEST_DATABASE_URL
const onPostgres = process.env.STORYREEL_TEST_DB === 'postgres' && Boolean(url)

describe.skipIf(!onPostgres)('PgAdvisoryLocker', () => {
  const namespace = `test:${randomUUID()}`
  const lockers: PgAdvisoryLocker[] = []
  const instance = (acquireTimeoutMs = 5_000) => {
    const locker = new PgAdvisoryLocker({ connectionString: url!, namespace, acquireTimeoutMs })
    lockers.push(locker)
    return locker
  }
  const never = () => new AbortController().signal
  afterEach(async () => {
    await Promise.all(lockers.splice(0).map((locker) => locker.close()))
  })
  afterAll(async () => {
    await Promise.all(lockers.map((locker) => locker.close()))
  })

  it('one instance holds a lock; after unlock the other takes it; unlocking twice is an error', async () => {
    const [a, b] = [instance(), instance(300)]
    const id = randomUUID()
    const held = a.newLock(id)
    await held.lock(never(), () => undefined)
    await expect(b.newLock(id).lock(never(), () => undefined)).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT)
    await held.unlock()
    const next = b.newLock(id)
    await next.lock(never(), () => undefined)
    await next.unlock()
    await expect(next.unlock()).rejects.toThrow('Releasing an unlocked lock!')
  })

  it('different uploads do not block each other', async () => {
    const [a, b] = [instance(), instance(300)]
    const first = a.newLock(randomUUID())
    const second = b.newLock(randomUUID())
    await first.lock(never(), () => undefined)
    await second.lock(never(), () => undefined)
    await Promise.all([first.unlock(), second.unlock()])
  })

  it('a waiter on another instance asks the holder to let go (requestRelease), and gets the lock once it does', async () => {
    const [a, b] = [instance(), instance()]
    const id = randomUUID()
    const held = a.newLock(id)
    let asked = 0
    await held.lock(never(), () => {
      asked += 1
      // As @tus/server does: the holder's request is cancelled and it unlocks a little later.
      if (asked === 1) setTimeout(() => void held.unlock(), 50)
    })
    const started = Date.now()
    const waiter = b.newLock(id)
    await waiter.lock(never(), () => undefined)
    expect(asked).toBeGreaterThanOrEqual(1)
    // Woken by the release notice, not by the 30 s timeout.
    expect(Date.now() - started).toBeLessThan(2_000)
    await waiter.unlock()
  })

  it('a holder that will not let go keeps the lock: the waiter times out with ERR_LOCK_TIMEOUT, or stops when its request ends', async () => {
    const [a, b] = [instance(), instance(400)]
    const id = randomUUID()
    const held = a.newLock(id)
    let asked = 0
    await held.lock(never(), () => void (asked += 1))
    await expect(b.newLock(id).lock(never(), () => undefined)).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT)
    expect(asked).toBeGreaterThanOrEqual(1)

    const stop = new AbortController()
    const patient = instance(30_000)
    const started = Date.now()
    setTimeout(() => stop.abort(), 100)
    await expect(patient.newLock(id).lock(stop.signal, () => undefined)).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT)
    expect(Date.now() - started).toBeLessThan(5_000)
    await held.unlock()
  })

  it('a holder whose database session dies is told to stop, and the lock is free for others', async () => {
    const [a, b] = [instance(), instance()]
    const id = randomUUID()
    const held = a.newLock(id)
    let toldToStop = false
    await held.lock(never(), () => void (toldToStop = true))
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    try {
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = $1 AND objid = $2::bigint & 4294967295 AND classid = ($2::bigint >> 32) & 4294967295', [
        'advisory',
        a.keyOf(id),
      ])
    } finally {
      await admin.end()
    }
    await expect.poll(() => toldToStop).toBe(true)
    const next = b.newLock(id)
    await next.lock(never(), () => undefined)
    await next.unlock()
    await held.unlock()
  })
})
