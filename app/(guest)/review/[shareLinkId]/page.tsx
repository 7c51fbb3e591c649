// /review/<shareLinkId> — where /r/<token> lands a guest: the password step, then the name step, then the review.
// Every visit re-reads the link through the guest session, so a turned-off or expired link says so here at once.
import type { Metadata } from 'next'
import { isAppError } from '@/lib/errors'
import { getGuestSession } from '@/server/auth/guest-session-request'
import { createGuestCommentAction } from '@/server/actions/review-guest/create-guest-comment'
import { listGuestCommentsAction } from '@/server/actions/review-guest/list-guest-comments'
import { listGuestVersionsAction } from '@/server/actions/review-guest/list-guest-versions'
import { replyAsGuestAction } from '@/server/actions/review-guest/reply-as-guest'
import { setGuestNameAction } from '@/server/actions/review-guest/set-guest-name'
import { setGuestVersionStatusAction } from '@/server/actions/review-guest/set-guest-version-status'
import { verifyGuestPasswordAction } from '@/server/actions/review-guest/verify-guest-password'
import { getGuestReview } from '@/server/services/review/get-guest-review'
import { guestAccessFromSession, isPasswordRequired, type GuestAccess } from '@/server/services/review/guest-session-principal'
import { GuestLinkState, goneKind } from '@/components/review/guest/guest-link-state'
import { GuestNameForm } from '@/components/review/guest/guest-name-form'
import { GuestPasswordForm } from '@/components/review/guest/guest-password-form'
import { GuestReviewRoom } from '@/components/review/guest/guest-review-room'

export const metadata: Metadata = { title: 'Review' }
export const dynamic = 'force-dynamic'

type Access = { kind: 'ok'; access: GuestAccess } | { kind: 'password' } | { kind: 'missing' } | { kind: 'gone'; message: string }

async function access(shareLinkId: string): Promise<Access> {
  const session = await getGuestSession()
  // A session for another link (the browser opened a newer one since) does not open this page.
  if (!session || session.shareLinkId !== shareLinkId) return { kind: 'missing' }
  try {
    return { kind: 'ok', access: await guestAccessFromSession({ session }) }
  } catch (error) {
    if (isPasswordRequired(error)) return { kind: 'password' }
    if (isAppError(error) && error.code === 'GONE') return { kind: 'gone', message: error.userMessage }
    if (isAppError(error) && (error.code === 'NOT_FOUND' || error.code === 'UNAUTHENTICATED')) return { kind: 'missing' }
    throw error
  }
}

export default async function GuestReviewPage({ params }: { params: Promise<{ shareLinkId: string }> }) {
  const { shareLinkId } = await params
  const state = await access(shareLinkId)
  if (state.kind === 'missing') return <GuestLinkState kind="missing" />
  if (state.kind === 'gone') return <GuestLinkState kind={goneKind(state.message)} />
  if (state.kind === 'password') return <GuestPasswordForm verify={verifyGuestPasswordAction} />

  const { guest, guestName } = state.access
  const review = await getGuestReview({ guest })
  if (!guest.guestId || !guestName) {
    return <GuestNameForm title={review.title} sharedByName={review.sharedByName} canComment={review.canComment} setName={setGuestNameAction} />
  }
  return (
    <GuestReviewRoom
      review={review}
      guest={{ guestId: guest.guestId, name: guestName }}
      actions={{
        listComments: listGuestCommentsAction,
        listVersions: listGuestVersionsAction,
        createComment: createGuestCommentAction,
        reply: replyAsGuestAction,
        setVersionStatus: setGuestVersionStatusAction,
      }}
    />
  )
}
