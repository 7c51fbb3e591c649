import { describe, expect, it } from 'vitest'
import { expiryDays } from './expiry-choice'

const now = new Date(2026, 10, 25, 15, 30) // 25 Nov 2026, 15:30 local time

describe('expiryDays', () => {
  it('passes the preset numbers through and "never" as no expiry', () => {
    expect(expiryDays('never', '', now)).toEqual({ ok: true, days: undefined })
    expect(expiryDays('7', '', now)).toEqual({ ok: true, days: 7 })
  })

  it('turns a date into whole days that end on that date, never after it', () => {
    expect(expiryDays('date', '2026-11-27', now)).toEqual({ ok: true, days: 2 })
    expect(expiryDays('date', '2026-12-25', now)).toEqual({ ok: true, days: 30 })
  })

  it('refuses today, the past, a missing date and more than a year, with a message', () => {
    for (const date of ['2026-11-25', '2026-11-01', '', 'soon', '2028-01-01']) {
      const result = expiryDays('date', date, now)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.message.length).toBeGreaterThan(10)
    }
  })
})
