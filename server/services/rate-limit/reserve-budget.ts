import { eq, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { rateLimits } from '@/db/schema'

export interface BudgetReservation {
  allowed: boolean
  /** Units left in this window after this reservation (or, when refused, before it: nothing was taken). */
  remaining: number
  resetAt: Date
  retryAfterSeconds: number
}

/**
 * Takes `amount` units of a fixed-window budget shared by every app instance, all or nothing: one conditional upsert,
 * so two concurrent requests cannot both take the last units, and a request the budget cannot cover takes none (a
 * 12-panel AI render refused with 5 clips left must not burn those 5). Unlike consumeRateLimit, a refusal is free.
 */
export async function reserveBudget(params: { key: string; limit: number; amount: number; windowMs: number; now?: Date }): Promise<BudgetReservation> {
  const { key, limit, amount, windowMs } = params
  const now = params.now ?? new Date()
  const nowSql = sql`${now.toISOString()}::timestamptz`
  const freshReset = new Date(now.getTime() + windowMs)
  const retryAfter = (resetAt: Date) => Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000))
  const db = await getDb()
  if (amount <= limit) {
    const [row] = await db
      .insert(rateLimits)
      .values({ key, count: amount, resetAt: freshReset })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`case when ${rateLimits.resetAt} <= ${nowSql} then ${amount} else ${rateLimits.count} + ${amount} end`,
          resetAt: sql`case when ${rateLimits.resetAt} <= ${nowSql} then ${freshReset.toISOString()}::timestamptz else ${rateLimits.resetAt} end`,
        },
        // Only when the window has passed or what is left covers the whole amount; otherwise no row is touched.
        setWhere: sql`${rateLimits.resetAt} <= ${nowSql} or ${rateLimits.count} + ${amount} <= ${limit}`,
      })
      .returning({ count: rateLimits.count, resetAt: rateLimits.resetAt })
    if (row) return { allowed: true, remaining: Math.max(0, limit - row.count), resetAt: row.resetAt, retryAfterSeconds: retryAfter(row.resetAt) }
  }
  const [current] = await db.select({ count: rateLimits.count, resetAt: rateLimits.resetAt }).from(rateLimits).where(eq(rateLimits.key, key))
  const live = current && current.resetAt > now ? current : null
  const resetAt = live?.resetAt ?? freshReset
  return { allowed: false, remaining: Math.max(0, limit - (live?.count ?? 0)), resetAt, retryAfterSeconds: retryAfter(resetAt) }
}
