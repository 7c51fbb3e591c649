import { getDatabase } from '@/db/client'
import { loadEnv } from '@/server/env'
import type { JobStatus } from '@/lib/jobs/job-status'
import type { JobDefinition } from './define-job'
import { JobQueue, type EnqueueOptions } from './job-queue'

// The process's job queue on the process's database, and the calls services make on it.

// On globalThis for the same reason as the database handle: server/main.ts and the Next.js bundle load this module
// separately and must share one pg-boss instance (and its maintenance timer).
const queueKey = Symbol.for('storyreel.jobQueue')
type GlobalWithQueue = typeof globalThis & { [queueKey]?: Promise<JobQueue> }

export function getJobQueue(): Promise<JobQueue> {
  const store = globalThis as GlobalWithQueue
  store[queueKey] ??= getDatabase().then((handle) => JobQueue.open(handle, { maintenanceIntervalSeconds: loadEnv().JOB_MAINTENANCE_INTERVAL_SECONDS }))
  return store[queueKey]
}

/** Installs a queue opened elsewhere (tests open one with short timings). */
export function setJobQueue(queue: JobQueue | Promise<JobQueue>): void {
  ;(globalThis as GlobalWithQueue)[queueKey] = Promise.resolve(queue)
}

/** Stops the process's queue, if one was opened, before the database closes. */
export async function closeJobQueue(): Promise<void> {
  const store = globalThis as GlobalWithQueue
  const queue = store[queueKey]
  delete store[queueKey]
  if (queue) await (await queue).close()
}

/** Validates input against the job's schema (AppError BAD_REQUEST if it fails) and queues it; returns the job id. */
export async function enqueueJob<Input>(job: JobDefinition<Input> | string, input: Input, options?: EnqueueOptions): Promise<string> {
  return (await getJobQueue()).enqueue(job, input, options)
}

/** Throws AppError NOT_FOUND for an unknown id. Not scoped to a workspace: callers authorize first. */
export async function getJobStatus(jobId: string): Promise<JobStatus> {
  return (await getJobQueue()).getStatus(jobId)
}

export async function cancelJob(jobId: string): Promise<void> {
  return (await getJobQueue()).cancel(jobId)
}
