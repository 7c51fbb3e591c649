import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

// Fixed-window counters shared by every app instance (sign-in attempts, guest passwords, generation budgets).
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
})
