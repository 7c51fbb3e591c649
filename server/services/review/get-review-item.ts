import { asc, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { reviewVersions, type ReviewItemRow, type ReviewVersionRow } from '@/db/schema'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { findReviewItem, projectScope } from './review-scope'

export type ReviewItemDetail = ReviewItemRow & { versions: ReviewVersionRow[] }

/** Viewers and up: the item with its versions, v1 first. */
export async function getReviewItem(params: { actor: Actor | null; projectId: string; reviewItemId: string }): Promise<ReviewItemDetail> {
  const actor = requireSignedIn(params.actor)
  const scope = projectScope(await requireRole(actor, { projectId: params.projectId }, 'viewer'))
  const db = await getDb()
  const item = await findReviewItem(db, scope, params.reviewItemId)
  const versions = await db.select().from(reviewVersions).where(eq(reviewVersions.reviewItemId, item.id)).orderBy(asc(reviewVersions.number))
  return { ...item, versions }
}
