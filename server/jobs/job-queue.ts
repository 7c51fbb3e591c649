import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import PgBoss from 'pg-boss'
import type { DatabaseHandle } from '@/db/client'
import { jobProgress } from '@/db/schema'
import { AppError, notFound } from '@/lib/errors'
import type { JobState, JobStatus } from '@/lib/jobs/job-status'
import { findJobDefinition, type JobDefinition } from './define-job'
import { readFailureMessage } from './job-failure'
import type { JobRunObserver } from './job-runner'
import { pgBossDatabase, withQueueTransaction } from './pg-boss-database'
import { pruneJobProgress } from './prune-job-progress'
import { bossSchema, defaultTuning, type JobQueueTuning, type QueueRuntime } from './queue-runtime'
import { interruptRunningJob } from './running-jobs'
import { startWorkerPool, type Workers } from './worker-pool'

// The job queue on one database: pg-boss for the jobs themselves (leases with FOR UPDATE SKIP LOCKED, retries with
// backoff, expiry, archive), job_progress for what pg-boss has no place for. Runs on PostgreSQL and on PGlite.

export interface EnqueueOptions {
  /** At most one job per key is waiting or running; enqueueing again returns that job's id. */
  singletonKey?: string
}

const bossStates: Record<PgBoss.JobWithMetadata['state'], JobState> = {
  created: 'queued',
  retry: 'retrying',
  active: 'running',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export class JobQueue {
  private readonly createdQueues = new Map<string, Promise<void>>()
  private readonly enqueueListeners = new Set<(queue: string) => void>()
  private readonly pools = new Set<Workers>()

  private constructor(private readonly runtime: QueueRuntime) {}

  /** Opens pg-boss on the database, creating or migrating its schema (a no-op once done). */
  static async open(handle: DatabaseHandle, tuning: Partial<JobQueueTuning> = {}): Promise<JobQueue> {
    const settings = { ...defaultTuning, ...tuning }
    const boss = new PgBoss({
      db: pgBossDatabase(handle),
      schema: bossSchema,
      // No cron schedules yet; pg-boss's scheduler would poll the database for nothing.
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds,
    })
    boss.on('error', (error: Error) => console.error('[jobs] pg-boss:', error.message))
    // pg-boss emits this on the one instance that ran its maintenance this interval; ours piggybacks on it.
    boss.on('maintenance', () => {
      pruneJobProgress(handle.db).catch((error: Error) => console.error('[jobs] pruning job_progress failed:', error.message))
    })
    await boss.start()
    return new JobQueue({ handle, boss, tuning: settings })
  }

  async enqueue<Input>(job: JobDefinition<Input> | string, input: Input, options: EnqueueOptions = {}): Promise<string> {
    const definition = typeof job === 'string' ? findJobDefinition(job) : job
    if (!definition) throw new Error(`No job named "${String(job)}" is defined in this process.`)
    const parsed = definition.input.safeParse(input)
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`)
      throw new AppError('BAD_REQUEST', { userMessage: `Invalid ${definition.name} request (${problems.join('; ')}).` })
    }
    await this.ensureQueue(definition.name)
    const { singletonKey } = options
    const jobId = await withQueueTransaction(this.runtime.handle, async (db) => {
      if (singletonKey !== undefined) {
        // Two app instances enqueueing the same key at once take turns here, so only one job is created.
        await db.executeSql('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${definition.name}\n${singletonKey}`])
        const { rows } = await db.executeSql(
          `SELECT p.job_id FROM job_progress p JOIN ${bossSchema}.job j ON j.name = p.queue AND j.id = p.job_id
           WHERE p.queue = $1 AND p.singleton_key = $2 AND j.state < 'completed' LIMIT 1`,
          [definition.name, singletonKey],
        )
        const existing = rows[0] as { job_id: string } | undefined
        if (existing) return existing.job_id
      }
      const id = randomUUID()
      await db.executeSql('INSERT INTO job_progress (job_id, queue, singleton_key) VALUES ($1, $2, $3)', [
        id,
        definition.name,
        singletonKey ?? null,
      ])
      const sent = await this.runtime.boss.send(definition.name, parsed.data as object, {
        id,
        retryLimit: definition.retryLimit,
        retryDelay: definition.retryDelaySeconds,
        retryBackoff: definition.retryBackoff,
        // A renewed lease starts short and is extended by the worker (renewed-lease.ts).
        expireInSeconds: definition.leaseSeconds ?? definition.expireInSeconds,
        db,
      })
      if (sent !== id) throw new Error(`pg-boss did not create the ${definition.name} job.`)
      return id
    })
    for (const listener of this.enqueueListeners) listener(definition.name)
    return jobId
  }

  /** Not scoped to a workspace: callers check the caller may see the thing the job works on. */
  async getStatus(jobId: string): Promise<JobStatus> {
    const row = await this.findProgress(jobId)
    const job = await this.runtime.boss.getJobById(row.queue, jobId, { includeArchive: true })
    if (!job) throw notFound('That job')
    const state = bossStates[job.state]
    return {
      state,
      progress: state === 'completed' ? 1 : row.fraction,
      label: row.label,
      error: state === 'failed' || state === 'retrying' ? readFailureMessage(job.output) : null,
      // pg-boss bumps retry_count each time it hands out a job that had started before.
      attempts: job.startedOn ? job.retryCount + 1 : 0,
    }
  }

  /** Cancels a waiting or running job; a handler running in this process is aborted now, elsewhere at its next lease check. */
  async cancel(jobId: string): Promise<void> {
    const row = await this.findProgress(jobId)
    await this.runtime.boss.cancel(row.queue, jobId)
    interruptRunningJob(jobId, 'cancelled')
  }

  /** Jobs not finished yet, per queue and state (queued, retrying, running): the queue-depth gauge, read per scrape. */
  async countUnfinished(queues: readonly string[]): Promise<{ queue: string; state: JobState; count: number }[]> {
    const { rows } = await this.runtime.handle.query(
      `SELECT name, state::text AS state, count(*)::int AS count FROM ${bossSchema}.job
       WHERE name = ANY($1::text[]) AND state < 'completed' GROUP BY name, state`,
      [queues],
    )
    return rows.map((row) => ({
      queue: String(row.name),
      state: bossStates[row.state as PgBoss.JobWithMetadata['state']],
      count: Number(row.count),
    }))
  }

  startWorkers(options: { jobs: readonly JobDefinition<unknown>[]; onRunFinished?: JobRunObserver }): Workers {
    const pool = startWorkerPool(this.runtime, {
      jobs: options.jobs,
      onRunFinished: options.onRunFinished,
      ensureQueue: (name) => this.ensureQueue(name),
      subscribeToEnqueues: (listener) => {
        this.enqueueListeners.add(listener)
        return () => this.enqueueListeners.delete(listener)
      },
    })
    this.pools.add(pool)
    return {
      stop: async () => {
        await pool.stop()
        this.pools.delete(pool)
      },
    }
  }

  /** Stops this queue's workers and pg-boss's maintenance. The database stays open. */
  async close(): Promise<void> {
    await Promise.all([...this.pools].map((pool) => pool.stop()))
    this.pools.clear()
    await this.runtime.boss.stop({ graceful: false })
  }

  /** The pg-boss instance, for tests that play a worker by hand. */
  get boss(): PgBoss {
    return this.runtime.boss
  }

  private ensureQueue(name: string): Promise<void> {
    let created = this.createdQueues.get(name)
    if (!created) {
      // Retry, expiry and backoff are sent with every job (from its definition), so the queue's own defaults never
      // go stale when a definition changes.
      created = this.runtime.boss.createQueue(name).catch((error: unknown) => {
        this.createdQueues.delete(name)
        throw error
      })
      this.createdQueues.set(name, created)
    }
    return created
  }

  private async findProgress(jobId: string) {
    if (!uuidPattern.test(jobId)) throw notFound('That job')
    const [row] = await this.runtime.handle.db.select().from(jobProgress).where(eq(jobProgress.jobId, jobId)).limit(1)
    if (!row) throw notFound('That job')
    return row
  }
}
