import type { JobDefinition } from './define-job'
import type { JobRunObserver } from './job-runner'
import { appJobs } from './app-jobs'
import { closeJobQueue, getJobQueue } from './queue'
import type { Workers } from './worker-pool'

export type { Workers } from './worker-pool'

/**
 * Runs job workers in this process: inside the app (server/main.ts) or in `npm run worker`. stop() aborts running
 * handlers, waits for them to yield, and stops the queue; call it before closing the database.
 */
export async function startWorkers(options: { jobs?: readonly JobDefinition<unknown>[]; onRunFinished?: JobRunObserver } = {}): Promise<Workers> {
  const queue = await getJobQueue()
  const pool = queue.startWorkers({ jobs: options.jobs ?? appJobs, onRunFinished: options.onRunFinished })
  return {
    stop: async () => {
      await pool.stop()
      await closeJobQueue()
    },
  }
}
