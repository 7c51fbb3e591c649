import { getDb } from '@/db'
import type { VersionProcessing } from '@/lib/review/version-processing'
import { requireRole, type Actor } from '@/server/auth/require-role'
import { readVersionProcessing } from './read-version-processing'
import { findReviewVersion, projectScope } from './review-scope'

/** Anyone who can see the version can see how its processing is going. */
export async function getVersionProcessing(params: { actor: Actor | null; projectId: string; versionId: string }): Promise<VersionProcessing> {
  const scope = projectScope(await requireRole(params.actor, { projectId: params.projectId }, 'viewer'))
  const { version } = await findReviewVersion(await getDb(), scope, params.versionId)
  return readVersionProcessing(version)
}
