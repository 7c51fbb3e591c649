import type PgBoss from 'pg-boss'
import type { DatabaseHandle } from '@/db/client'

// What the queue's parts share: the database, the pg-boss instance on it, and the timings. Tests shorten the timings.

export interface JobQueueTuning {
  /** How often an idle worker asks for work. Enqueueing in the same process wakes it at once. */
  pollingIntervalMs: number
  /** How often pg-boss reclaims jobs whose lease (expireInSeconds) ran out, e.g. because their worker died. */
  maintenanceIntervalSeconds: number
  /** How often a running job checks it still holds its lease (not cancelled elsewhere, not reclaimed). */
  leaseCheckIntervalMs: number
  /** Smallest gap between two progress writes of one job. */
  progressWriteIntervalMs: number
  /** How long stopping waits for running handlers to yield after their signal is aborted. */
  stopTimeoutMs: number
}

export const defaultTuning: JobQueueTuning = {
  pollingIntervalMs: 2000,
  maintenanceIntervalSeconds: 60,
  leaseCheckIntervalMs: 5000,
  progressWriteIntervalMs: 500,
  stopTimeoutMs: 10_000,
}

/** pg-boss keeps its tables in this schema, created and migrated by pg-boss itself when a queue opens. */
export const bossSchema = 'pgboss'

export interface QueueRuntime {
  handle: DatabaseHandle
  boss: PgBoss
  tuning: JobQueueTuning
}
