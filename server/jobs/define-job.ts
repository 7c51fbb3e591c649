import type { z } from 'zod'

// A kind of background job: its name (the pg-boss queue), the zod schema its input must pass when it is enqueued,
// and the handler a worker runs. Domains define their jobs next to their services and list them in app-jobs.ts.

export interface JobContext {
  jobId: string
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number
  /** fraction 0…1; stored (throttled) where every app instance can read it. Never throws. */
  reportProgress(fraction: number, label?: string): void
  /**
   * Aborted when the job is cancelled, runs past expireInSeconds, is taken over by another worker, or the worker
   * stops. signal.reason is a JobInterruptedError. Handlers must pass it on (runFfmpeg takes it) and stop promptly:
   * a handler that ignores it keeps running while the job may already be retried elsewhere.
   */
  signal: AbortSignal
}

export interface JobDefinition<Input> {
  name: string
  /** Plain JSON shapes only (no transforms): the parsed value is stored and parsed again by the worker. */
  input: z.ZodType<Input>
  // Method syntax on purpose: it lets a JobDefinition<RenderInput> sit in a list of JobDefinition<unknown>.
  handler(input: Input, ctx: JobContext): Promise<void>
  /** Retries after the first failure. */
  retryLimit: number
  /** Delay before a retry; doubled (with jitter) on each further retry when retryBackoff is on. */
  retryDelaySeconds: number
  retryBackoff: boolean
  /** The lease: a run longer than this is aborted here and handed to another worker by the queue's maintenance. */
  expireInSeconds: number
  /**
   * A renewed lease (renewed-lease.ts): the job's row holds only this many seconds, extended by its worker while it
   * lives, so a dead worker's job is retried within about this plus the maintenance interval. expireInSeconds stays
   * the longest a run may take. Unset: the lease is expireInSeconds, never renewed.
   */
  leaseSeconds?: number
  /** false: a handler's own failure is final; only a worker lost mid-run (stopped, or dead) uses retryLimit. */
  retryHandlerFailures: boolean
  /** How many of these jobs one process runs at once. */
  concurrency: number
}

export type DefineJobOptions<Input> = Pick<JobDefinition<Input>, 'name' | 'input' | 'handler'> &
  Partial<Omit<JobDefinition<Input>, 'name' | 'input' | 'handler'>>

export class JobDefinitionError extends Error {
  override name = 'JobDefinitionError'
}

// Queue names become pg-boss partition names and appear in logs; keep them boring.
const jobNamePattern = /^[a-z][a-z0-9-]{0,62}$/

export function defineJob<Input>(options: DefineJobOptions<Input>): JobDefinition<Input> {
  if (!jobNamePattern.test(options.name)) {
    throw new JobDefinitionError(`Job name "${options.name}" must be lower-case letters, digits and dashes.`)
  }
  const definition: JobDefinition<Input> = {
    retryLimit: 2,
    retryDelaySeconds: 10,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
    concurrency: 1,
    retryHandlerFailures: true,
    ...options,
  }
  const { retryLimit, retryDelaySeconds, expireInSeconds, concurrency } = definition
  if (![retryLimit, retryDelaySeconds, expireInSeconds, concurrency].every(Number.isInteger)) {
    throw new JobDefinitionError(`Job "${options.name}": retry and expiry settings must be whole numbers.`)
  }
  if (retryLimit < 0 || retryDelaySeconds < 0 || expireInSeconds < 1 || concurrency < 1) {
    throw new JobDefinitionError(`Job "${options.name}": retryLimit and retryDelaySeconds ≥ 0, expireInSeconds and concurrency ≥ 1.`)
  }
  const { leaseSeconds } = definition
  if (leaseSeconds !== undefined && (!Number.isInteger(leaseSeconds) || leaseSeconds < 1 || leaseSeconds > expireInSeconds)) {
    throw new JobDefinitionError(`Job "${options.name}": leaseSeconds must be a whole number from 1 to expireInSeconds.`)
  }
  registry().set(definition.name, definition as JobDefinition<unknown>)
  return definition
}

/** The definition registered under name in this process, for enqueueJob(name, …). */
export function findJobDefinition(name: string): JobDefinition<unknown> | undefined {
  return registry().get(name)
}

// On globalThis because server/main.ts (tsx) and the Next.js bundle load this module separately; a redefinition
// (dev reloads) replaces the old one.
const registryKey = Symbol.for('storyreel.jobDefinitions')
type GlobalWithRegistry = typeof globalThis & { [registryKey]?: Map<string, JobDefinition<unknown>> }

function registry(): Map<string, JobDefinition<unknown>> {
  const store = globalThis as GlobalWithRegistry
  store[registryKey] ??= new Map()
  return store[registryKey]
}
