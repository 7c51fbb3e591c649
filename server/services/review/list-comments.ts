import { getDb } from '@/db'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { selectVersionComments, type ReviewCommentView } from './comment-list-query'
import { findReviewVersion, projectScope } from './review-scope'

/** Viewers and up see every live comment of a version, team and client alike. */
export async function listComments(params: { actor: Actor | null; projectId: string; versionId: string }): Promise<ReviewCommentView[]> {
  const actor = requireSignedIn(params.actor)
  const scope = projectScope(await requireRole(actor, { projectId: params.projectId }, 'viewer'))
  const db = await getDb()
  const { version } = await findReviewVersion(db, scope, params.versionId)
  return selectVersionComments(db, version.id, false)
}
