import { getDb } from '@/db'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { findReviewItem, projectScope, type ProjectScope } from './review-scope'

/**
 * Whether this person may upload a cut as a new version of this review item: an editor or owner of the project, and
 * an item of that project. Asked before an upload is created, so nobody else can make us receive a byte; asked again
 * when it finishes, because a role can change during a long upload.
 */
export async function checkCutUpload(params: { actor: Actor | null; projectId: string; reviewItemId: string }): Promise<ProjectScope> {
  const actor = requireSignedIn(params.actor)
  const scope = projectScope(await requireRole(actor, { projectId: params.projectId }, 'editor'))
  await findReviewItem(await getDb(), scope, params.reviewItemId)
  return scope
}
