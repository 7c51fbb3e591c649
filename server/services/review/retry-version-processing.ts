import { and, eq, isNull } from 'drizzle-orm'
import { getDb } from '@/db'
import { reviewVersions } from '@/db/schema'
import { AppError } from '@/lib/errors'
import type { VersionProcessing } from '@/lib/review/version-processing'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { notifyReviewChanged } from './notify-review-changed'
import { readVersionProcessing } from './read-version-processing'
import { findReviewVersion, projectScope } from './review-scope'
import { startVersionProcessing } from './start-version-processing'

/**
 * Editors and owners start processing again for a version whose processing failed (a worker died, the machine ran
 * out of disk, or the job was cancelled). Only a failed version: one that is ready or still underway is left alone,
 * and two clicks at once start one job.
 */
export async function retryVersionProcessing(params: { actor: Actor | null; projectId: string; versionId: string }): Promise<VersionProcessing> {
  const actor = requireSignedIn(params.actor)
  const scope = projectScope(await requireRole(actor, { projectId: params.projectId }, 'editor'))
  const db = await getDb()
  const { version, item } = await findReviewVersion(db, scope, params.versionId)
  const current = await readVersionProcessing(version)
  if (current.state === 'ready') throw new AppError('CONFLICT', { userMessage: 'This version is already processed.' })
  if (current.state !== 'failed') throw new AppError('CONFLICT', { userMessage: 'This version is already being processed.' })

  // Claim the retry only if the version is still as we read it, so a second click finds it pending and stops.
  const seenJob = version.processingJobId
  const [claimed] = await db
    .update(reviewVersions)
    .set({ processing: 'pending', processingError: null, processingJobId: null })
    .where(
      and(
        eq(reviewVersions.id, version.id),
        eq(reviewVersions.processing, version.processing),
        seenJob ? eq(reviewVersions.processingJobId, seenJob) : isNull(reviewVersions.processingJobId),
      ),
    )
    .returning({ id: reviewVersions.id })
  if (!claimed) throw new AppError('CONFLICT', { userMessage: 'This version is already being processed.' })

  try {
    await startVersionProcessing({ projectId: scope.projectId, versionId: version.id, assetId: version.assetId })
  } catch (error) {
    await db
      .update(reviewVersions)
      .set({ processing: 'failed', processingError: 'Processing could not be started. Please try again in a moment.' })
      .where(eq(reviewVersions.id, version.id))
    throw error
  }
  await notifyReviewChanged({ reviewItemId: item.id, versionId: version.id })
  return { state: 'pending', progress: 0, message: 'Waiting for a free worker' }
}
