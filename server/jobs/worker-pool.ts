import type { JobDefinition } from './define-job'
import { leaseOf, runLeasedJob, type JobRunObserver } from './job-runner'
import type { QueueRuntime } from './queue-runtime'

// Polling loops that lease jobs from pg-boss and run them, `concurrency` loops per job kind.
//
// We poll with pg-boss's fetch() and settle with complete()/fail() ourselves rather than use its work(): work()
// fires complete/fail without awaiting them (a stop right after a job could close the database under them), races a
// timer against the handler without telling the handler, and knows nothing of our lease check.

export interface Workers {
  stop(): Promise<void>
}

export interface WorkerPoolOptions {
  jobs: readonly JobDefinition<unknown>[]
  /** Creates the pg-boss queue if needed (once per process). */
  ensureQueue: (name: string) => Promise<void>
  /** Tells the pool about jobs enqueued by this process, so an idle loop starts at once instead of at its next poll. */
  subscribeToEnqueues: (listener: (queue: string) => void) => () => void
  /** Told how each run ended and how long it took (server/observability's job metrics). */
  onRunFinished?: JobRunObserver
}

export function startWorkerPool(runtime: QueueRuntime, options: WorkerPoolOptions): Workers {
  const { ensureQueue } = options
  const stopController = new AbortController()
  const sleepers = new Map<string, Set<() => void>>()
  const wake = (queue: string) => {
    for (const resolve of sleepers.get(queue) ?? []) resolve()
  }
  const unsubscribe = options.subscribeToEnqueues(wake)

  const sleep = (queue: string, ms: number) =>
    new Promise<void>((resolve) => {
      const set = sleepers.get(queue) ?? new Set()
      sleepers.set(queue, set)
      const done = () => {
        clearTimeout(timer)
        set.delete(done)
        stopController.signal.removeEventListener('abort', done)
        resolve()
      }
      const timer = setTimeout(done, ms)
      set.add(done)
      stopController.signal.addEventListener('abort', done, { once: true })
    })

  const loop = async (definition: JobDefinition<unknown>) => {
    let failures = 0
    while (!stopController.signal.aborted) {
      try {
        await ensureQueue(definition.name)
        const [job] = await runtime.boss.fetch<unknown>(definition.name, { batchSize: 1, includeMetadata: true })
        failures = 0
        if (!job) {
          await sleep(definition.name, runtime.tuning.pollingIntervalMs)
          continue
        }
        await runLeasedJob(runtime, definition, leaseOf(job), stopController.signal, options.onRunFinished)
      } catch (error) {
        // The database went away or a queue could not be created: back off, up to a minute, and keep trying.
        failures += 1
        console.error(`[jobs] worker for ${definition.name} failed:`, (error as Error).message)
        await sleep(definition.name, Math.min(60_000, runtime.tuning.pollingIntervalMs * 2 ** failures))
      }
    }
  }

  const loops = options.jobs.flatMap((definition) => Array.from({ length: definition.concurrency }, () => loop(definition)))

  const stop = async () => {
    // Aborting also aborts every running handler's signal (reason: stopped); they record a failure, which pg-boss
    // retries if attempts remain.
    stopController.abort()
    unsubscribe()
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), runtime.tuning.stopTimeoutMs)))
    const result = await Promise.race([Promise.all(loops), timedOut])
    clearTimeout(timer)
    if (result === 'timeout') {
      console.error(`[jobs] some handlers did not yield within ${runtime.tuning.stopTimeoutMs} ms of being aborted; stopping anyway`)
    }
  }
  let stopped: Promise<void> | null = null
  return { stop: () => (stopped ??= stop()) }
}
