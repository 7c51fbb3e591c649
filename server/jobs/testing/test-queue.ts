import { openTestDatabase } from '@/db/test-database'
import type { DatabaseHandle } from '@/db/client'
import { JobQueue } from '../job-queue'
import type { JobQueueTuning } from '../queue-runtime'
import { setJobQueue } from '../queue'

// Short timings so retries, expiry and lease checks happen within a test's patience.
export const fastTuning: JobQueueTuning = {
  pollingIntervalMs: 100,
  maintenanceIntervalSeconds: 1,
  leaseCheckIntervalMs: 200,
  progressWriteIntervalMs: 50,
  stopTimeoutMs: 5000,
}

/** A fresh database with a queue on it, installed as the process's queue so enqueueJob & co. use it. */
export async function openTestQueue(): Promise<{ handle: DatabaseHandle; queue: JobQueue; close: () => Promise<void> }> {
  const handle = await openTestDatabase()
  const queue = await JobQueue.open(handle, fastTuning)
  setJobQueue(queue)
  return {
    handle,
    queue,
    close: async () => {
      await queue.close()
      await handle.close()
    },
  }
}

let counter = 0
/** Queues outlive a test; a name per test keeps one test's jobs out of another's workers. */
export function uniqueJobName(label: string): string {
  counter += 1
  return `test-${label}-${counter}`
}

/** A promise with its resolve function, to hold a handler at a point the test chooses. */
export function gate<T = void>(): { promise: Promise<T>; open: (value: T) => void } {
  let open!: (value: T) => void
  const promise = new Promise<T>((resolve) => (open = resolve))
  return { promise, open }
}

/** Resolves when the signal aborts, with its reason. */
export function aborted(signal: AbortSignal): Promise<unknown> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve(signal.reason)
    else signal.addEventListener('abort', () => resolve(signal.reason), { once: true })
  })
}
