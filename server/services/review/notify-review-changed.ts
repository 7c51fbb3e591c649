// Tells everyone who has a review item open that something in it changed, through the item's change feed
// (`review:<reviewItemId>`, a live document only the server writes). Viewers then refetch what they are allowed to
// see, so the feed itself never carries a comment, and a guest learns nothing from it about team-only notes.
import { reviewChangesKey, reviewDocName } from '@/lib/collab/doc-name'
import { changeDocument, type LiveDocuments } from '@/server/collab/document-access'

export interface ReviewChange {
  reviewItemId: string
  /** The version whose comments, status or processing changed; leave out for the item itself (a new version). */
  versionId?: string
}

/**
 * Bumps the counter of the changed version (or of the item). Best effort by design: the change itself is already
 * saved, and a viewer who misses the nudge still sees it on the next one or on reload, so a failure is logged,
 * never thrown at the person who made the change.
 */
export async function notifyReviewChanged(change: ReviewChange, options: { documents?: LiveDocuments } = {}): Promise<void> {
  try {
    await changeDocument(
      reviewDocName(change.reviewItemId),
      (doc) => {
        const changes = doc.getMap<number>(reviewChangesKey)
        const key = change.versionId ?? 'item'
        changes.set(key, (changes.get(key) ?? 0) + 1)
      },
      options,
    )
  } catch (error) {
    console.warn(`review change feed for ${change.reviewItemId} not updated: ${(error as Error).message}`)
  }
}
