import { and, desc, eq, isNull, type SQL } from 'drizzle-orm'
import { getDb } from '@/db'
import { reviewItems, type ReviewItemRow } from '@/db/schema'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { projectScope } from './review-scope'

/** Viewers and up; newest first, archived items only when asked for. */
export async function listReviewItems(params: { actor: Actor | null; projectId: string; includeArchived?: boolean }): Promise<ReviewItemRow[]> {
  const actor = requireSignedIn(params.actor)
  const scope = projectScope(await requireRole(actor, { projectId: params.projectId }, 'viewer'))
  const db = await getDb()
  const conditions: SQL[] = [eq(reviewItems.projectId, scope.projectId), eq(reviewItems.workspaceId, scope.workspaceId)]
  if (!params.includeArchived) conditions.push(isNull(reviewItems.archivedAt))
  return db.select().from(reviewItems).where(and(...conditions)).orderBy(desc(reviewItems.createdAt))
}
