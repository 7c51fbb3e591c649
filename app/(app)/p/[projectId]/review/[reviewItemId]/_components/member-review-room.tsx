'use client'
// The member side of the review room: binds the review server actions to this project, adds what only members have
// (upload a new version, processing with retry, share links, compare, marker downloads) and keeps ?v=<n> in the URL.
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useMemo, useState } from 'react'
import { Columns2, Film } from 'lucide-react'
import { ReviewRoom } from '@/components/review/review-room/review-room'
import type { ReviewRoomActions, ReviewRoomVersion, ReviewTiming, ReviewViewer } from '@/components/review/review-room/review-room-api'
import { ShareLinksDialog } from '@/components/review/share-links/share-links-dialog'
import { UploadCutButton } from '@/components/review/upload/upload-cut-button'
import { VersionProcessingStatus } from '@/components/review/upload/version-processing-status'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import type { ActionResult } from '@/lib/action-result'
import { createCommentAction } from '@/server/actions/review/create-comment'
import { createShareLinkAction } from '@/server/actions/review/create-share-link'
import { deleteCommentAction } from '@/server/actions/review/delete-comment'
import { editCommentAction } from '@/server/actions/review/edit-comment'
import { getReviewRoomAction } from '@/server/actions/review/get-review-room'
import { getVersionProcessingAction } from '@/server/actions/review/get-version-processing'
import { listCommentsAction } from '@/server/actions/review/list-comments'
import { listMentionCandidatesAction } from '@/server/actions/review/list-mention-candidates'
import { listShareLinksAction } from '@/server/actions/review/list-share-links'
import { reopenCommentAction } from '@/server/actions/review/reopen-comment'
import { replyToCommentAction } from '@/server/actions/review/reply-to-comment'
import { resolveCommentAction } from '@/server/actions/review/resolve-comment'
import { retryVersionProcessingAction } from '@/server/actions/review/retry-version-processing'
import { revokeShareLinkAction } from '@/server/actions/review/revoke-share-link'
import { setVersionStatusAction } from '@/server/actions/review/set-version-status'

export interface MemberReviewRoomProps {
  projectId: string
  reviewItemId: string
  title: string
  timing: ReviewTiming
  versions: ReviewRoomVersion[]
  initialVersionNumber?: number
  focusCommentId?: string
  viewer: Extract<ReviewViewer, { kind: 'member' }>
  /** Editor or owner on a live project: upload, retry, share, set any status. */
  canEdit: boolean
  maxUploadBytes: number
}

const uploadEndpoint = '/api/uploads'

export function MemberReviewRoom({ projectId, reviewItemId, title, timing, versions, initialVersionNumber, focusCommentId, viewer, canEdit, maxUploadBytes }: MemberReviewRoomProps) {
  const router = useRouter()
  const actions = useMemo<ReviewRoomActions>(
    () => ({
      listComments: (versionId) => listCommentsAction({ projectId, versionId }),
      listVersions: async () => mapOk(await getReviewRoomAction({ projectId, reviewItemId }), (room) => room.versions),
      createComment: (input) => createCommentAction({ projectId, ...input }),
      reply: (input) => replyToCommentAction({ projectId, ...input }),
      edit: (input) => editCommentAction({ projectId, ...input }),
      delete: (input) => deleteCommentAction({ projectId, ...input }),
      resolve: (input) => resolveCommentAction({ projectId, ...input }),
      reopen: (input) => reopenCommentAction({ projectId, ...input }),
      setVersionStatus: (input) => setVersionStatusAction({ projectId, ...input }),
      listMentionCandidates: () => listMentionCandidatesAction({ projectId }),
      exportMarkersUrl: (version, format) =>
        `/api/projects/${encodeURIComponent(projectId)}/review/${encodeURIComponent(reviewItemId)}/markers?version=${version.number}&format=${format}`,
    }),
    [projectId, reviewItemId],
  )
  // After an upload the room starts again on the new version (a rare event; the remount reconnects the feed).
  const [jump, setJump] = useState<{ number: number; generation: number } | null>(null)

  if (versions.length === 0) {
    return (
      <EmptyState
        icon={Film}
        title={`Upload the first cut of “${title}”`}
        description={canEdit ? 'Pick or drop a video file. It is checked, converted for frame-accurate playback, and then everyone can leave notes.' : 'An editor has not uploaded a cut yet. It appears here as soon as they do.'}
        action={canEdit ? <UploadCutButton endpoint={uploadEndpoint} projectId={projectId} reviewItemId={reviewItemId} maxBytes={maxUploadBytes} nextVersionNumber={1} onUploaded={() => router.refresh()} /> : undefined}
      />
    )
  }

  return (
    <ReviewRoom
      key={jump?.generation ?? 0}
      reviewItemId={reviewItemId}
      title={title}
      viewer={viewer}
      timing={timing}
      initialVersions={versions}
      initialVersionNumber={jump?.number ?? initialVersionNumber}
      focusCommentId={jump ? undefined : focusCommentId}
      actions={actions}
      onVersionChange={(number) => router.replace(`?v=${number}`, { scroll: false })}
      renderVersionTools={(version) => (
        <>
          {versions.length > 1 ? (
            <Button asChild variant="ghost" size="sm">
              <Link href={`/p/${projectId}/review/${reviewItemId}/compare?a=${Math.max(1, version.number - 1)}&b=${version.number}`}>
                <Columns2 aria-hidden /> Compare
              </Link>
            </Button>
          ) : null}
          {canEdit ? (
            <>
              <ShareLinksDialog projectId={projectId} reviewItemId={reviewItemId} reviewTitle={title} actions={{ list: listShareLinksAction, create: createShareLinkAction, revoke: revokeShareLinkAction }} />
              <UploadCutButton
                endpoint={uploadEndpoint}
                projectId={projectId}
                reviewItemId={reviewItemId}
                maxBytes={maxUploadBytes}
                nextVersionNumber={Math.max(...versions.map((candidate) => candidate.number)) + 1}
                onUploaded={(uploaded) => {
                  if (!uploaded.number) return
                  const number = uploaded.number
                  router.replace(`?v=${number}`, { scroll: false })
                  router.refresh()
                  setJump((current) => ({ number, generation: (current?.generation ?? 0) + 1 }))
                }}
              />
            </>
          ) : null}
        </>
      )}
      renderProcessing={(version, onReady) => (
        <div className="flex aspect-video w-full items-center justify-center rounded-lg border border-border bg-black/60 p-6">
          <VersionProcessingStatus
            key={version.id}
            projectId={projectId}
            versionId={version.id}
            getProcessing={getVersionProcessingAction}
            retry={canEdit ? retryVersionProcessingAction : undefined}
            onReady={onReady}
            className="w-full max-w-md"
          />
        </div>
      )}
    />
  )
}

function mapOk<T, U>(result: ActionResult<T>, map: (data: T) => U): ActionResult<U> {
  return result.ok ? { ok: true, data: map(result.data) } : result
}
