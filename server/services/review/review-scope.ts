// Lookups shared by the review services. Every one takes the project and workspace that requireRole granted, so a
// client's id from another project or workspace is simply not found.
import { and, eq, isNull } from 'drizzle-orm'
import type { Executor } from '@/db/queries/executor'
import { reviewComments, reviewItems, reviewVersions, type ReviewCommentRow, type ReviewItemRow, type ReviewVersionRow } from '@/db/schema'
import { notFound } from '@/lib/errors'

export interface ProjectScope {
  workspaceId: string
  projectId: string
}

export async function findReviewItem(db: Executor, scope: ProjectScope, reviewItemId: string, lock = false): Promise<ReviewItemRow> {
  const query = db
    .select()
    .from(reviewItems)
    .where(and(eq(reviewItems.id, reviewItemId), eq(reviewItems.projectId, scope.projectId), eq(reviewItems.workspaceId, scope.workspaceId)))
  const [item] = lock ? await query.for('update') : await query
  if (!item) throw notFound('That review item')
  return item
}

export async function findReviewVersion(db: Executor, scope: ProjectScope, versionId: string): Promise<{ version: ReviewVersionRow; item: ReviewItemRow }> {
  const [row] = await db
    .select({ version: reviewVersions, item: reviewItems })
    .from(reviewVersions)
    .innerJoin(reviewItems, eq(reviewItems.id, reviewVersions.reviewItemId))
    .where(and(eq(reviewVersions.id, versionId), eq(reviewItems.projectId, scope.projectId), eq(reviewItems.workspaceId, scope.workspaceId)))
  if (!row) throw notFound('That version')
  return row
}

/** A comment that has not been deleted, with its version, inside the project. */
export async function findLiveComment(db: Executor, scope: ProjectScope, commentId: string): Promise<{ comment: ReviewCommentRow; version: ReviewVersionRow }> {
  const [row] = await db
    .select({ comment: reviewComments, version: reviewVersions })
    .from(reviewComments)
    .innerJoin(reviewVersions, eq(reviewVersions.id, reviewComments.versionId))
    .innerJoin(reviewItems, eq(reviewItems.id, reviewVersions.reviewItemId))
    .where(
      and(
        eq(reviewComments.id, commentId),
        isNull(reviewComments.deletedAt),
        eq(reviewItems.projectId, scope.projectId),
        eq(reviewItems.workspaceId, scope.workspaceId),
      ),
    )
  if (!row) throw notFound('That comment')
  return row
}

export function projectScope(access: { workspaceId: string; projectId: string | null }): ProjectScope {
  if (!access.projectId) throw new Error('review services are authorised against a project')
  return { workspaceId: access.workspaceId, projectId: access.projectId }
}
