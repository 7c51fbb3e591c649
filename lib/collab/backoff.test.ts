import { describe, expect, it } from 'vitest'
import { reconnectDelay } from './backoff'

describe('reconnect delay', () => {
  it('doubles per attempt up to the cap, with up to half of it random', () => {
    const low = (attempt: number) => reconnectDelay(attempt, { random: () => 0 })
    const high = (attempt: number) => reconnectDelay(attempt, { random: () => 1 })
    expect([0, 1, 2, 3].map(high)).toEqual([250, 500, 1000, 2000])
    expect([0, 1, 2, 3].map(low)).toEqual([125, 250, 500, 1000])
    expect(high(40)).toBe(15_000)
    expect(low(40)).toBe(7_500)
  })

  it('spreads clients that failed at the same moment', () => {
    const delays = new Set(Array.from({ length: 50 }, () => reconnectDelay(5)))
    expect(delays.size).toBeGreaterThan(30)
  })
})
