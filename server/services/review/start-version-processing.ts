import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { reviewVersions } from '@/db/schema'
import { enqueueJob } from '@/server/jobs/queue'
import { processVideoJob } from '@/server/media/transcode/process-video-job'

/**
 * Queues the processing job for a version's original and records the job on the version so its progress can be read.
 * Called by the services that have already authorised the caller, which also make sure it happens once (a new
 * upload, or a retry that claimed the failed version). No singleton key on purpose: a failed run records its failure
 * on the version a moment before its job counts as failed, and a retry in that moment must get a job of its own.
 */
export async function startVersionProcessing(params: { projectId: string; versionId: string; assetId: string }): Promise<string> {
  const jobId = await enqueueJob(processVideoJob, { assetId: params.assetId, projectId: params.projectId })
  const db = await getDb()
  await db
    .update(reviewVersions)
    .set({ processingJobId: jobId })
    .where(and(eq(reviewVersions.id, params.versionId), eq(reviewVersions.assetId, params.assetId)))
  return jobId
}
