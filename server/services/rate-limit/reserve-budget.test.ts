import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '@/db/test-database'
import type { DatabaseHandle } from '@/db/client'
import { reserveBudget } from './reserve-budget'

describe('reserveBudget', () => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await openTestDatabase()
  })
  afterAll(() => handle.close())

  const day = 24 * 60 * 60_000

  it('takes whole amounts until the rest cannot cover one, and a refusal takes nothing', async () => {
    const now = new Date('2030-02-01T00:00:00Z')
    const take = (amount: number) => reserveBudget({ key: 'clips:a', limit: 10, amount, windowMs: day, now })
    expect(await take(6)).toMatchObject({ allowed: true, remaining: 4 })
    expect(await take(5)).toMatchObject({ allowed: false, remaining: 4, retryAfterSeconds: 86_400 })
    // The refused five were not counted: four still fit.
    expect(await take(4)).toMatchObject({ allowed: true, remaining: 0 })
    expect(await take(1)).toMatchObject({ allowed: false, remaining: 0 })
  })

  it('refuses more than the whole budget, and starts afresh when the window has passed', async () => {
    const start = new Date('2030-02-02T00:00:00Z')
    expect(await reserveBudget({ key: 'clips:b', limit: 3, amount: 4, windowMs: day, now: start })).toMatchObject({ allowed: false, remaining: 3 })
    expect(await reserveBudget({ key: 'clips:b', limit: 3, amount: 3, windowMs: day, now: start })).toMatchObject({ allowed: true, remaining: 0 })
    const later = new Date(start.getTime() + day + 1)
    const fresh = await reserveBudget({ key: 'clips:b', limit: 3, amount: 2, windowMs: day, now: later })
    expect(fresh).toMatchObject({ allowed: true, remaining: 1 })
    expect(fresh.resetAt.getTime()).toBe(later.getTime() + day)
  })

  it('lets concurrent requests share the last units without overdrawing', async () => {
    const now = new Date('2030-02-03T00:00:00Z')
    const results = await Promise.all(Array.from({ length: 5 }, () => reserveBudget({ key: 'clips:c', limit: 6, amount: 2, windowMs: day, now })))
    expect(results.filter((result) => result.allowed)).toHaveLength(3)
  })
})
