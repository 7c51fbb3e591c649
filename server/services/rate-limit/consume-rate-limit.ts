import { lt, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { rateLimits } from '@/db/schema'

export interface RateLimitResult {
  allowed: boolean
  /** Attempts left in this window after this one (0 when refused). */
  remaining: number
  resetAt: Date
  /** Whole seconds until the window resets, for Retry-After and messages. */
  retryAfterSeconds: number
}

/**
 * Counts one attempt against `key` in a fixed window shared by every app instance (one upsert, so concurrent
 * attempts cannot both slip under the limit). The attempt is counted even when refused, so hammering a locked key
 * does not shorten the wait.
 */
export async function consumeRateLimit(params: { key: string; limit: number; windowMs: number; now?: Date }): Promise<RateLimitResult> {
  const { key, limit, windowMs } = params
  const now = params.now ?? new Date()
  const freshReset = new Date(now.getTime() + windowMs)
  const db = await getDb()
  const [row] = await db
    .insert(rateLimits)
    .values({ key, count: 1, resetAt: freshReset })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.resetAt} <= ${now.toISOString()}::timestamptz then 1 else ${rateLimits.count} + 1 end`,
        resetAt: sql`case when ${rateLimits.resetAt} <= ${now.toISOString()}::timestamptz then ${freshReset.toISOString()}::timestamptz else ${rateLimits.resetAt} end`,
      },
    })
    .returning({ count: rateLimits.count, resetAt: rateLimits.resetAt })
  if (!row) throw new Error('rate limit upsert returned no row')
  // Expired windows are dead weight; clearing them now and then keeps the table as small as the live keys.
  if (Math.random() < 0.01) await pruneExpiredRateLimits(now)
  return {
    allowed: row.count <= limit,
    remaining: Math.max(0, limit - row.count),
    resetAt: row.resetAt,
    retryAfterSeconds: Math.max(1, Math.ceil((row.resetAt.getTime() - now.getTime()) / 1000)),
  }
}

export async function pruneExpiredRateLimits(now = new Date()): Promise<void> {
  const db = await getDb()
  await db.delete(rateLimits).where(lt(rateLimits.resetAt, now))
}
