import { sql } from 'drizzle-orm'
import { check, index, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core'

// Our side of a background job. pg-boss owns the job itself (state, attempts, leases) in its own `pgboss` schema,
// which it creates and migrates at start-up; this row holds what pg-boss has no place for: the queue a job id
// belongs to (so a status or cancel call needs only the id), its de-duplication key, and live progress that any app
// instance can read while a worker in another process writes it.
export const jobProgress = pgTable(
  'job_progress',
  {
    // The pg-boss job id; written before the job is sent, in the same transaction.
    jobId: uuid('job_id').primaryKey(),
    queue: text('queue').notNull(),
    singletonKey: text('singleton_key'),
    fraction: real('fraction').notNull().default(0),
    label: text('label'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('job_progress_singleton_idx').on(t.queue, t.singletonKey),
    index('job_progress_updated_idx').on(t.updatedAt),
    check('job_progress_fraction_check', sql`${t.fraction} >= 0 AND ${t.fraction} <= 1`),
  ],
)

export type JobProgressRow = typeof jobProgress.$inferSelect
