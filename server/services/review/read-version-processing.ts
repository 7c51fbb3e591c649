import type { ReviewVersionRow } from '@/db/schema'
import { isAppError } from '@/lib/errors'
import type { VersionProcessing } from '@/lib/review/version-processing'
import { getJobStatus } from '@/server/jobs/queue'

// Where a version's processing stands, from the version row and, while it is not settled there, its job. The row
// is the record (the job writes ready or failed into it); the job adds progress while it runs, and catches the
// cases the job never got to write down: a worker that died on the last attempt, a cancelled job.

const gone = 'Processing stopped without finishing. Retry to start it again.'

export async function readVersionProcessing(version: Pick<ReviewVersionRow, 'processing' | 'processingError' | 'processingJobId'>): Promise<VersionProcessing> {
  if (version.processing === 'ready') return { state: 'ready', progress: 1, message: null }
  if (version.processing === 'failed') return { state: 'failed', progress: 0, message: version.processingError ?? 'Processing failed.' }
  // Created, and its job about to be recorded (the upload records it right after the version).
  if (!version.processingJobId) return { state: 'pending', progress: 0, message: 'Waiting for processing to start' }
  let job
  try {
    job = await getJobStatus(version.processingJobId)
  } catch (error) {
    // Finished jobs are pruned after a while; one that is gone without writing an outcome will not write one now.
    if (isAppError(error) && error.code === 'NOT_FOUND') return { state: 'failed', progress: 0, message: gone }
    throw error
  }
  switch (job.state) {
    case 'queued':
      return { state: 'pending', progress: 0, message: 'Waiting for a free worker' }
    case 'running':
      return { state: 'processing', progress: job.progress, message: job.label }
    case 'retrying':
      return { state: 'processing', progress: 0, message: job.error ? `Trying again after a problem: ${job.error}` : 'Trying again after a problem' }
    case 'completed':
      // The job writes the version before it completes, so this is the moment in between.
      return { state: 'processing', progress: 1, message: 'Finishing' }
    case 'failed':
      return { state: 'failed', progress: 0, message: job.error ?? 'Processing failed.' }
    case 'cancelled':
      return { state: 'failed', progress: 0, message: 'Processing was cancelled.' }
  }
}
