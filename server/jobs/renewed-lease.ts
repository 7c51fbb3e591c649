import { bossSchema, type QueueRuntime } from './queue-runtime'
import type { Lease } from './job-runner'

// Renewed leases, for jobs that define leaseSeconds. pg-boss 10 has no heartbeat: its maintenance fails (and, with
// attempts left, retries) an active job once started_on + expire_in has passed. Such a job is sent with the short
// lease as its expire_in, and the worker running it moves expire_in forward at each lease check while it lives. A
// worker that dies stops renewing, so its job goes to another worker within about leaseSeconds plus the maintenance
// interval, instead of after the job's whole time limit (expireInSeconds, which the runner still enforces itself).

/** Extends the lease if it is still ours (active, same retry_count); false when it is not. */
export async function renewLease(runtime: QueueRuntime, lease: Lease, leaseSeconds: number): Promise<boolean> {
  const { rows } = await runtime.handle.query(
    `UPDATE ${bossSchema}.job SET expire_in = (now() - started_on) + make_interval(secs => $4)
     WHERE name = $1 AND id = $2 AND state = 'active' AND retry_count = $3
     RETURNING id`,
    [lease.queue, lease.jobId, lease.retryCount, leaseSeconds],
  )
  return rows.length > 0
}

/** How often a renewed lease is checked and extended: at least three times per lease. */
export function leaseCheckIntervalMs(runtime: QueueRuntime, leaseSeconds: number | undefined): number {
  const { leaseCheckIntervalMs } = runtime.tuning
  return leaseSeconds ? Math.min(leaseCheckIntervalMs, (leaseSeconds * 1000) / 3) : leaseCheckIntervalMs
}
