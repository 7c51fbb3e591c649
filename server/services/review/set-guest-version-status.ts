import { eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { reviewItems, reviewVersions } from '@/db/schema'
import { insertActivity } from '@/db/queries/activity'
import { AppError } from '@/lib/errors'
import { assertGuestLinkLive, findGuestVersion, type GuestPrincipal } from './guest-principal'
import { notifyReviewChanged } from './notify-review-changed'

/** A named guest on a link with comment rights approves a version or asks for changes; they cannot reset it to in review. */
export async function setGuestVersionStatus(params: { guest: GuestPrincipal; versionId: string; status: 'approved' | 'changes_requested' }): Promise<{ versionId: string; status: string }> {
  const { guest } = params
  if (!guest.canComment) throw new AppError('FORBIDDEN', { userMessage: 'This review link lets you watch but not give notes or approve.' })
  if (!guest.guestId) throw new AppError('BAD_REQUEST', { userMessage: 'Tell us your name before approving or asking for changes.' })
  if (params.status !== 'approved' && params.status !== 'changes_requested') {
    throw new AppError('BAD_REQUEST', { userMessage: 'Choose approved or changes requested.' })
  }
  const guestId = guest.guestId
  const db = await getDb()
  const changed = await db.transaction(async (tx) => {
    await assertGuestLinkLive(tx, guest)
    const { version, item } = await findGuestVersion(tx, guest, params.versionId)
    if (version.status === params.status) return null
    await tx
      .update(reviewVersions)
      .set({ status: params.status, statusChangedByUserId: null, statusChangedByGuestId: guestId, statusChangedAt: new Date() })
      .where(eq(reviewVersions.id, version.id))
    const [owner] = await tx.select({ workspaceId: reviewItems.workspaceId }).from(reviewItems).where(eq(reviewItems.id, item.id))
    if (!owner) throw new Error('review item vanished inside its own transaction')
    await insertActivity(tx, {
      workspaceId: owner.workspaceId,
      projectId: item.projectId,
      actorId: null,
      kind: 'review.status_changed',
      data: { reviewItemId: item.id, versionId: version.id, number: version.number, title: item.title, from: version.status, to: params.status, guestId },
    })
    return { reviewItemId: item.id, versionId: version.id }
  })
  if (changed) await notifyReviewChanged(changed)
  return { versionId: params.versionId, status: params.status }
}
