import { eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { reviewItems } from '@/db/schema'
import { AppError } from '@/lib/errors'
import { assertFramesInVersion } from '@/lib/review/frame-range'
import { assertGuestLinkLive, findGuestVersion, type GuestPrincipal } from './guest-principal'
import { insertComment } from './insert-comment'
import { notifyReviewChanged } from './notify-review-changed'

/** A named guest on a link with comment rights leaves a note; it is always visible to the client side. */
export async function createGuestComment(params: {
  guest: GuestPrincipal
  versionId: string
  frameIn: number
  frameOut?: number
  body: string
  annotation?: unknown
}): Promise<{ commentId: string }> {
  const { guest } = params
  if (!guest.canComment) throw new AppError('FORBIDDEN', { userMessage: 'This review link lets you watch but not give notes.' })
  if (!guest.guestId) throw new AppError('BAD_REQUEST', { userMessage: 'Tell us your name before leaving a note.' })
  const guestId = guest.guestId
  const db = await getDb()
  const { commentId, reviewItemId, versionId } = await db.transaction(async (tx) => {
    await assertGuestLinkLive(tx, guest)
    const { version, item } = await findGuestVersion(tx, guest, params.versionId)
    assertFramesInVersion(params, version.frameCount)
    const [owner] = await tx.select({ workspaceId: reviewItems.workspaceId }).from(reviewItems).where(eq(reviewItems.id, item.id))
    if (!owner) throw new Error('review item vanished inside its own transaction')
    const { commentId } = await insertComment(tx, owner.workspaceId, {
      versionId: version.id,
      author: { guestId },
      frameIn: params.frameIn,
      frameOut: params.frameOut,
      body: params.body,
      annotation: params.annotation,
      visibility: 'client',
      mentions: false,
    })
    return { commentId, reviewItemId: item.id, versionId: version.id }
  })
  await notifyReviewChanged({ reviewItemId, versionId })
  return { commentId }
}
