import { getDb } from '@/db'
import { reviewItems } from '@/db/schema'
import { insertActivity } from '@/db/queries/activity'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { projectScope } from './review-scope'

/** Editors and owners open a review item; versions are added to it afterwards. */
export async function createReviewItem(params: { actor: Actor | null; projectId: string; title: string; kind: 'cut' | 'animatic' }): Promise<{ reviewItemId: string }> {
  const actor = requireSignedIn(params.actor)
  const scope = projectScope(await requireRole(actor, { projectId: params.projectId }, 'editor'))
  const db = await getDb()
  const reviewItemId = await db.transaction(async (tx) => {
    const [item] = await tx
      .insert(reviewItems)
      .values({ ...scope, title: params.title, kind: params.kind, createdBy: actor.userId })
      .returning({ id: reviewItems.id })
    if (!item) throw new Error('review item insert returned no row')
    await insertActivity(tx, { ...scope, actorId: actor.userId, kind: 'review.item_created', data: { reviewItemId: item.id, title: params.title, kind: params.kind } })
    return item.id
  })
  return { reviewItemId }
}
