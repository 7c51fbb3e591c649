'use client'
// The guest's review page: a short header (what this is, who shared it, what the guest may do) and the shared
// ReviewRoom driven by the guest actions. The moment any action answers GONE (the link was turned off or expired;
// revocation nudges the room to refetch, and expiry is checked when it is due) the room is replaced by the reason.
import { useEffect, useMemo, useState } from 'react'
import { Download, Eye, MessageSquare, UserRound } from 'lucide-react'
import { Badge } from '@/components/ui/badge'
import type { ActionResult } from '@/lib/action-result'
import { ReviewRoom } from '@/components/review/review-room/review-room'
import type { NewReviewComment, ReviewRoomActions, ReviewRoomComment, ReviewRoomVersion, ReviewTiming } from '@/components/review/review-room/review-room-api'
import { GuestLinkState, goneKind, type GuestLinkStateKind } from './guest-link-state'

export interface GuestReviewActions {
  listComments(input: { versionId: string }): Promise<ActionResult<ReviewRoomComment[]>>
  listVersions(input: Record<string, never>): Promise<ActionResult<ReviewRoomVersion[]>>
  createComment(input: Omit<NewReviewComment, 'visibility'>): Promise<ActionResult<{ commentId: string }>>
  reply(input: { commentId: string; body: string }): Promise<ActionResult<{ commentId: string }>>
  setVersionStatus(input: { versionId: string; status: 'approved' | 'changes_requested' }): Promise<ActionResult<{ versionId: string; status: string }>>
}

export interface GuestReviewSummary {
  reviewItemId: string
  title: string
  kind: 'cut' | 'animatic'
  projectName: string
  sharedByName: string | null
  expiresAt: Date | null
  canComment: boolean
  canDownload: boolean
  timing: ReviewTiming
  versions: ReviewRoomVersion[]
}

interface GuestReviewRoomProps {
  review: GuestReviewSummary
  guest: { guestId: string; name: string }
  actions: GuestReviewActions
}

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' })
// setTimeout cannot wait longer than ~24.8 days; a later expiry is checked on a later visit.
const maxTimerMs = 2 ** 31 - 1

export function GuestReviewRoom({ review, guest, actions }: GuestReviewRoomProps) {
  const [ended, setEnded] = useState<GuestLinkStateKind | null>(null)

  const roomActions = useMemo<ReviewRoomActions>(() => {
    // Every answer passes through here, so a link turned off mid-session ends the page on the next call.
    const watch = async <T,>(call: Promise<ActionResult<T>>): Promise<ActionResult<T>> => {
      const result = await call
      if (!result.ok && result.error.code === 'GONE') setEnded(goneKind(result.error.message))
      return result
    }
    return {
      listComments: (versionId) => watch(actions.listComments({ versionId })),
      listVersions: () => watch(actions.listVersions({})),
      // Guests' notes are always client-visible: the server refuses a visibility, so none is sent.
      createComment: ({ visibility: _visibility, ...input }) => watch(actions.createComment(input)),
      reply: (input) => watch(actions.reply(input)),
      setVersionStatus: ({ versionId, status }) =>
        status === 'in_review'
          ? Promise.resolve({ ok: false, error: { code: 'BAD_REQUEST', message: 'Choose approve or request changes.' } })
          : watch(actions.setVersionStatus({ versionId, status })),
    }
  }, [actions])

  // An expiring link ends on time even if nothing else happens on the page.
  useEffect(() => {
    if (!review.expiresAt) return
    const delay = new Date(review.expiresAt).getTime() - Date.now() + 1_000
    if (delay > maxTimerMs) return
    const timer = setTimeout(() => void roomActions.listVersions(), Math.max(0, delay))
    return () => clearTimeout(timer)
  }, [review.expiresAt, roomActions])

  if (ended) return <GuestLinkState kind={ended} />

  return (
    <div className="flex flex-col gap-5">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-border pb-4">
        <div className="flex min-w-0 flex-col gap-0.5">
          {/* The room below shows the title beside its version switcher; the page's own heading is for screen readers. */}
          <h1 className="sr-only" data-testid="guest-review-title">
            {review.title}
          </h1>
          <p className="text-sm">
            <span className="font-medium">{review.sharedByName ?? 'Someone'}</span>
            <span className="text-muted-foreground"> shared this {review.kind === 'animatic' ? 'animatic' : 'cut'} with you for review</span>
          </p>
          <p className="truncate text-xs text-subtle-foreground">{review.projectName}</p>
        </div>
        <div className="flex flex-wrap items-center gap-1.5" aria-label="What you can do">
          {review.canComment ? (
            <Badge variant="primary">
              <MessageSquare aria-hidden /> You can comment and approve
            </Badge>
          ) : (
            <Badge>
              <Eye aria-hidden /> You can watch
            </Badge>
          )}
          {review.canDownload ? (
            <Badge>
              <Download aria-hidden /> Download allowed
            </Badge>
          ) : null}
          <Badge variant="outline" title="Your notes carry this name, marked as a guest's">
            <UserRound aria-hidden /> {guest.name} (guest)
          </Badge>
          {review.expiresAt ? <span className="text-xs text-subtle-foreground">Link works until {dateFormat.format(new Date(review.expiresAt))}</span> : null}
        </div>
      </header>
      <ReviewRoom
        reviewItemId={review.reviewItemId}
        title={review.title}
        viewer={{ kind: 'guest', guestId: guest.guestId, name: guest.name, canComment: review.canComment, canDownload: review.canDownload }}
        timing={review.timing}
        initialVersions={review.versions}
        actions={roomActions}
      />
    </div>
  )
}
