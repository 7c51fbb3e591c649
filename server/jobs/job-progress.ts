import { eq } from 'drizzle-orm'
import type { Db } from '@/db/client'
import { jobProgress } from '@/db/schema'

// Progress a handler reports, written to job_progress at most every intervalMs (ffmpeg reports many times a second;
// on PGlite every write takes the one connection). The latest value always lands: a report inside the interval is
// kept and written when the interval ends, and flush() writes whatever is pending.

export interface ProgressReporter {
  report(fraction: number, label?: string): void
  flush(): Promise<void>
  close(): void
}

export async function resetProgress(db: Db, jobId: string): Promise<void> {
  await db.update(jobProgress).set({ fraction: 0, label: null, updatedAt: new Date() }).where(eq(jobProgress.jobId, jobId))
}

export function createProgressReporter(db: Db, jobId: string, intervalMs: number): ProgressReporter {
  let pending: { fraction: number; label: string | null } | null = null
  let label: string | null = null
  let lastWriteAt = 0
  let writing: Promise<void> = Promise.resolve()
  let timer: NodeJS.Timeout | null = null
  let closed = false
  let warned = false

  const write = () => {
    timer = null
    if (!pending || closed) return writing
    const value = pending
    pending = null
    lastWriteAt = Date.now()
    writing = writing
      .then(() => db.update(jobProgress).set({ ...value, updatedAt: new Date() }).where(eq(jobProgress.jobId, jobId)))
      .then(
        () => {},
        (error: unknown) => {
          // Progress is a courtesy; a failed write must never fail the job.
          if (!warned) console.warn(`[jobs] could not store progress for ${jobId}:`, (error as Error).message)
          warned = true
        },
      )
    return writing
  }

  return {
    report(fraction, newLabel) {
      if (closed || !Number.isFinite(fraction)) return
      if (newLabel !== undefined) label = newLabel.slice(0, 200)
      pending = { fraction: Math.min(1, Math.max(0, fraction)), label }
      const wait = lastWriteAt + intervalMs - Date.now()
      if (wait <= 0) void write()
      else timer ??= setTimeout(write, wait)
    },
    async flush() {
      if (timer) clearTimeout(timer)
      await write()
    },
    close() {
      if (timer) clearTimeout(timer)
      closed = true
    },
  }
}
