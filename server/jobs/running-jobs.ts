import { JobInterruptedError, type InterruptionReason } from './job-interrupted-error'

// The jobs running in this process, so cancelJob can abort a handler at once when it runs here (other processes
// notice a cancel at their next lease check). On globalThis because the Next.js bundle, which serves the cancel
// request, and server/main.ts, which runs the workers, load this module separately.

const runningKey = Symbol.for('storyreel.runningJobs')
type GlobalWithRunning = typeof globalThis & { [runningKey]?: Map<string, AbortController> }

function running(): Map<string, AbortController> {
  const store = globalThis as GlobalWithRunning
  store[runningKey] ??= new Map()
  return store[runningKey]
}

export function trackRunningJob(jobId: string, controller: AbortController): () => void {
  running().set(jobId, controller)
  return () => {
    if (running().get(jobId) === controller) running().delete(jobId)
  }
}

/** Aborts the job's handler if it runs in this process; true if it did. */
export function interruptRunningJob(jobId: string, reason: InterruptionReason): boolean {
  const controller = running().get(jobId)
  if (!controller || controller.signal.aborted) return false
  controller.abort(new JobInterruptedError(reason))
  return true
}
