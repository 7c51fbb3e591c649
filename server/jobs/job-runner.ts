import type PgBoss from 'pg-boss'
import type { JobDefinition } from './define-job'
import { describeFailure } from './job-failure'
import { isJobInterruptedError, JobInterruptedError, type InterruptionReason } from './job-interrupted-error'
import { createProgressReporter, resetProgress } from './job-progress'
import { withQueueTransaction } from './pg-boss-database'
import { bossSchema, type QueueRuntime } from './queue-runtime'
import { trackRunningJob } from './running-jobs'
import { leaseCheckIntervalMs, renewLease } from './renewed-lease'

// Runs one job a worker has leased from pg-boss: gives the handler an AbortSignal, aborts it on cancel / expiry /
// stop / a lost lease, and records the outcome only if the lease is still ours.
//
// A lease is identified by pg-boss's retry_count: pg-boss bumps it each time it hands a started job out again, so
// (state = 'active', retry_count = ours) means nobody else has taken the job since we fetched it. Completing or failing
// without that check would let a worker that hung past its expiry overwrite the run of the worker that took over.

export interface Lease {
  queue: string
  jobId: string
  retryCount: number
  data: unknown
  expireInSeconds: number
}

export function leaseOf(job: PgBoss.JobWithMetadata<unknown>): Lease {
  return {
    queue: job.name,
    jobId: job.id,
    retryCount: job.retryCount,
    data: job.data,
    // pg-boss reads it with EXTRACT(epoch …), which drivers return as a numeric string.
    expireInSeconds: Number(job.expireInSeconds),
  }
}

type Outcome = { ok: true } | { ok: false; error: unknown }

/** How a run on this worker ended: its handler finished, threw, or was interrupted (and why). */
export type JobRunOutcome = 'completed' | 'failed' | InterruptionReason

/** Told about every run once its handler has returned or thrown (job duration metrics). Must not throw. */
export type JobRunObserver = (run: { queue: string; outcome: JobRunOutcome; seconds: number }) => void

export async function runLeasedJob(
  runtime: QueueRuntime,
  definition: JobDefinition<unknown>,
  lease: Lease,
  stopSignal: AbortSignal,
  onRunFinished?: JobRunObserver,
): Promise<void> {
  const { handle, tuning } = runtime
  const startedAt = performance.now()
  const controller = new AbortController()
  const interrupt = (reason: InterruptionReason) => {
    if (!controller.signal.aborted) controller.abort(new JobInterruptedError(reason))
  }
  const untrack = trackRunningJob(lease.jobId, controller)
  const onStop = () => interrupt('stopped')
  stopSignal.addEventListener('abort', onStop, { once: true })
  if (stopSignal.aborted) onStop()
  // With a renewed lease the row's expire_in is the short lease, not the time limit; the limit is the definition's.
  const { leaseSeconds } = definition
  const expiry = setTimeout(() => interrupt('expired'), (leaseSeconds ? definition.expireInSeconds : lease.expireInSeconds) * 1000)
  let checking = false
  const leaseCheck = setInterval(() => {
    if (checking) return
    checking = true
    const renewed = leaseSeconds ? renewLease(runtime, lease, leaseSeconds).catch(() => true) : Promise.resolve(true)
    void renewed
      .then((held) => checkLease(runtime, lease).then((lost) => (held ? lost : (lost ?? 'lost'))))
      .then((lost) => lost && interrupt(lost))
      .finally(() => (checking = false))
  }, leaseCheckIntervalMs(runtime, leaseSeconds))
  const progress = createProgressReporter(handle.db, lease.jobId, tuning.progressWriteIntervalMs)

  let outcome: Outcome
  try {
    await resetProgress(handle.db, lease.jobId)
    const input = definition.input.parse(lease.data)
    await definition.handler(input, {
      jobId: lease.jobId,
      attempt: lease.retryCount + 1,
      reportProgress: progress.report,
      signal: controller.signal,
    })
    outcome = { ok: true }
  } catch (error) {
    // Once the signal is aborted, its reason says better than whatever the handler threw on the way out.
    outcome = { ok: false, error: controller.signal.aborted ? controller.signal.reason : error }
  } finally {
    clearTimeout(expiry)
    clearInterval(leaseCheck)
    stopSignal.removeEventListener('abort', onStop)
  }
  onRunFinished?.({ queue: lease.queue, outcome: runOutcome(outcome), seconds: (performance.now() - startedAt) / 1000 })
  await progress.flush()
  progress.close()
  try {
    const recorded = await settleLease(runtime, definition, lease, outcome)
    if (recorded && !outcome.ok) {
      const { detail } = describeFailure(outcome.error)
      console.warn(`[jobs] ${lease.queue} ${lease.jobId} attempt ${lease.retryCount + 1} failed: ${detail}`)
    }
  } catch (error) {
    // The lease runs out and pg-boss's maintenance hands the job out again; nothing is lost but time.
    console.error(`[jobs] could not record the outcome of ${lease.queue} ${lease.jobId}:`, (error as Error).message)
  } finally {
    untrack()
  }
}

function runOutcome(outcome: Outcome): JobRunOutcome {
  if (outcome.ok) return 'completed'
  return isJobInterruptedError(outcome.error) ? outcome.error.reason : 'failed'
}

async function settleLease(runtime: QueueRuntime, definition: JobDefinition<unknown>, lease: Lease, outcome: Outcome): Promise<boolean> {
  return withQueueTransaction(runtime.handle, async (db) => {
    const { rows } = await db.executeSql(
      `SELECT state, retry_count FROM ${bossSchema}.job WHERE name = $1 AND id = $2 FOR UPDATE`,
      [lease.queue, lease.jobId],
    )
    const row = rows[0] as { state: string; retry_count: number } | undefined
    if (!row || row.state !== 'active' || Number(row.retry_count) !== lease.retryCount) return false
    if (!outcome.ok && !definition.retryHandlerFailures && !(isJobInterruptedError(outcome.error) && outcome.error.reason === 'stopped')) {
      // Only a worker lost (stopped here, or dead and reclaimed by expiry) earns this job a retry; the handler's own
      // failure is final, whatever attempts remain.
      await db.executeSql(`UPDATE ${bossSchema}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2`, [lease.queue, lease.jobId])
    }
    if (outcome.ok) await runtime.boss.complete(lease.queue, lease.jobId, {}, { db })
    else await runtime.boss.fail(lease.queue, lease.jobId, describeFailure(outcome.error), { db })
    return true
  })
}

async function checkLease(runtime: QueueRuntime, lease: Lease): Promise<InterruptionReason | null> {
  try {
    const job = await runtime.boss.getJobById(lease.queue, lease.jobId)
    if (job?.state === 'cancelled') return 'cancelled'
    if (!job || job.state !== 'active' || job.retryCount !== lease.retryCount) return 'lost'
    return null
  } catch {
    // A failed check (database briefly away) is no evidence the lease is gone; the next one decides.
    return null
  }
}
