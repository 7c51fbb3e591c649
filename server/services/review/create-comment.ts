import { getDb } from '@/db'
import { assertFramesInVersion } from '@/lib/review/frame-range'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { insertComment } from './insert-comment'
import { notifyReviewChanged } from './notify-review-changed'
import { findReviewVersion, projectScope } from './review-scope'

/** Commenters and up leave a note on a frame or range of a version; @mentions of members become inbox rows. */
export async function createComment(params: {
  actor: Actor | null
  projectId: string
  versionId: string
  frameIn: number
  frameOut?: number
  body: string
  annotation?: unknown
  visibility?: 'team' | 'client'
}): Promise<{ commentId: string; mentionedUserIds: string[] }> {
  const actor = requireSignedIn(params.actor)
  const scope = projectScope(await requireRole(actor, { projectId: params.projectId }, 'commenter'))
  const db = await getDb()
  const { result, version } = await db.transaction(async (tx) => {
    const { version } = await findReviewVersion(tx, scope, params.versionId)
    assertFramesInVersion(params, version.frameCount)
    const result = await insertComment(tx, scope.workspaceId, {
      versionId: version.id,
      author: { userId: actor.userId },
      frameIn: params.frameIn,
      frameOut: params.frameOut,
      body: params.body,
      annotation: params.annotation,
      visibility: params.visibility ?? 'team',
    })
    return { result, version }
  })
  // After the commit, so viewers who refetch on the nudge find the new row.
  await notifyReviewChanged({ reviewItemId: version.reviewItemId, versionId: version.id })
  return result
}
