// The expiry choices of a new share link. The server counts whole days from now, so "until a date" becomes the number
// of days that reaches the end of that date (in the person's own time zone) without passing it by more than a day.

export const expiryChoices = ['never', '1', '7', '30', 'date'] as const
export type ExpiryChoice = (typeof expiryChoices)[number]

export const expiryLabels: Record<ExpiryChoice, string> = { never: 'Never', '1': '1 day', '7': '7 days', '30': '30 days', date: 'On a date…' }

export const maxExpiryDays = 365
const dayMs = 24 * 60 * 60 * 1000

export type ExpiryDays = { ok: true; days: number | undefined } | { ok: false; message: string }

/** `date` is an <input type="date"> value (YYYY-MM-DD), read as the end of that day in local time. */
export function expiryDays(choice: ExpiryChoice, date: string, now = new Date()): ExpiryDays {
  if (choice === 'never') return { ok: true, days: undefined }
  if (choice !== 'date') return { ok: true, days: Number(choice) }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) return { ok: false, message: 'Pick the last day the link should work.' }
  const endOfDay = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59)
  if (Number.isNaN(endOfDay.getTime()) || endOfDay <= now) return { ok: false, message: 'Pick a day after today.' }
  const days = Math.floor((endOfDay.getTime() - now.getTime()) / dayMs)
  if (days < 1) return { ok: false, message: 'Pick a day after today: links last at least one day.' }
  if (days > maxExpiryDays) return { ok: false, message: `A link can last at most ${maxExpiryDays} days.` }
  return { ok: true, days }
}
