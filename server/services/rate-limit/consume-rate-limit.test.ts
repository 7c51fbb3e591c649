import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '@/db/test-database'
import type { DatabaseHandle } from '@/db/client'
import { rateLimits } from '@/db/schema'
import { consumeRateLimit, pruneExpiredRateLimits } from './consume-rate-limit'

describe('consumeRateLimit', () => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await openTestDatabase()
  })
  afterAll(() => handle.close())

  it('allows `limit` attempts in a window, then refuses with the time left', async () => {
    const now = new Date('2030-01-01T00:00:00Z')
    const results = []
    for (let i = 0; i < 4; i++) results.push(await consumeRateLimit({ key: 'a', limit: 3, windowMs: 60_000, now }))
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false])
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0])
    expect(results[3]!.retryAfterSeconds).toBe(60)
  })

  it('starts a fresh window once the old one has passed', async () => {
    const start = new Date('2030-01-02T00:00:00Z')
    for (let i = 0; i < 3; i++) await consumeRateLimit({ key: 'b', limit: 2, windowMs: 60_000, now: start })
    const later = new Date(start.getTime() + 60_001)
    const result = await consumeRateLimit({ key: 'b', limit: 2, windowMs: 60_000, now: later })
    expect(result).toMatchObject({ allowed: true, remaining: 1 })
    expect(result.resetAt.getTime()).toBe(later.getTime() + 60_000)
  })

  it('keeps keys apart', async () => {
    const now = new Date('2030-01-03T00:00:00Z')
    await consumeRateLimit({ key: 'c1', limit: 1, windowMs: 60_000, now })
    expect((await consumeRateLimit({ key: 'c1', limit: 1, windowMs: 60_000, now })).allowed).toBe(false)
    expect((await consumeRateLimit({ key: 'c2', limit: 1, windowMs: 60_000, now })).allowed).toBe(true)
  })

  it('never lets concurrent attempts slip past the limit', async () => {
    const now = new Date('2030-01-04T00:00:00Z')
    const results = await Promise.all(Array.from({ length: 12 }, () => consumeRateLimit({ key: 'd', limit: 5, windowMs: 60_000, now })))
    expect(results.filter((r) => r.allowed)).toHaveLength(5)
  })

  it('prunes only expired windows', async () => {
    await pruneExpiredRateLimits(new Date('2030-01-04T00:00:30Z'))
    const keys = (await handle.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key).sort()
    expect(keys).toEqual(['d'])
  })
})
