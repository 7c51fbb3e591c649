import { lt } from 'drizzle-orm'
import type { Db } from '@/db/client'
import { jobProgress } from '@/db/schema'

// pg-boss archives finished jobs and deletes them from its archive after a week; job_progress rows would otherwise
// stay forever. 30 days is past anything pg-boss still knows about (a job waits at most 14 days before it is archived).
export const progressRetentionDays = 30

export async function pruneJobProgress(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - progressRetentionDays * 24 * 60 * 60 * 1000)
  const deleted = await db.delete(jobProgress).where(lt(jobProgress.updatedAt, cutoff)).returning({ jobId: jobProgress.jobId })
  return deleted.length
}
