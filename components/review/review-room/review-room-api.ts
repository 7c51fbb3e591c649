// The contract of the review room: what a page hands to <ReviewRoom> so the same room serves signed-in members
// (app/(app)/p/[projectId]/review/…) and guests who came in through a share link. The room has no data access of its
// own: every read and write goes through these actions, each answering an ActionResult like any server action.
// Data shapes are plain and serialisable (Dates survive the server-action boundary).
import type { ReactNode } from 'react'
import type { ActionResult } from '@/lib/action-result'
import type { MarkerExportFormatId } from '@/lib/markers'
import type { Annotation } from '@/lib/review/annotation'
import type { MentionCandidate } from '@/lib/review/mentions'
import type { CommentVisibility, ReviewCommentView, ReviewStatusId, ReviewVersionView } from '@/lib/review/review-views'

export type { CommentVisibility }
export type ReviewRoomComment = ReviewCommentView
import { roleAtLeast, type Role } from '@/lib/roles'

export type { ReviewStatusId }

/** Who is looking. Guests never see team-only notes (the server filters), get no @mention list and no resolve. */
export type ReviewViewer =
  | { kind: 'member'; userId: string; name: string; role: Role }
  | { kind: 'guest'; guestId: string | null; name: string; canComment: boolean; canDownload: boolean }

/** How frames are labelled: the project's rate, drop-frame flag and start timecode (lib/timecode). */
export interface ReviewTiming {
  rate: { numerator: number; denominator: number }
  dropFrame: boolean
  /** e.g. "01:00:00:00" (";" before the frames when drop-frame). */
  startTimecode: string
}

export type ReviewRoomVersion = ReviewVersionView

export interface NewReviewComment {
  versionId: string
  frameIn: number
  frameOut?: number
  body: string
  annotation?: Annotation
  /** Members choose (default 'team'); guest actions ignore it because guests' notes are always client-visible. */
  visibility?: CommentVisibility
}

export interface ReviewRoomActions {
  /** Every comment this viewer may see on a version, top-level and replies, oldest first within a frame. */
  listComments(versionId: string): Promise<ActionResult<ReviewRoomComment[]>>
  /** The item's versions again (after a nudge on the item: a new version, a status or processing change). */
  listVersions(): Promise<ActionResult<ReviewRoomVersion[]>>
  createComment(input: NewReviewComment): Promise<ActionResult<{ commentId: string }>>
  reply(input: { commentId: string; body: string }): Promise<ActionResult<{ commentId: string }>>
  /** Members only; a guest room leaves these out and the room hides the buttons. */
  edit?(input: { commentId: string; body: string }): Promise<ActionResult<{ commentId: string }>>
  delete?(input: { commentId: string }): Promise<ActionResult<{ commentId: string }>>
  resolve?(input: { commentId: string }): Promise<ActionResult<{ commentId: string }>>
  reopen?(input: { commentId: string }): Promise<ActionResult<{ commentId: string }>>
  /** Members (editor+) may set any status; guests with comment rights only approved / changes_requested. */
  setVersionStatus?(input: { versionId: string; status: ReviewStatusId }): Promise<ActionResult<{ versionId: string; status: string }>>
  /** Members only: who can be @mentioned (drives the composer's autocomplete). */
  listMentionCandidates?(): Promise<ActionResult<MentionCandidate[]>>
  /** Members only: a download URL of the version's comments as markers (a plain GET the browser saves). */
  exportMarkersUrl?(version: { id: string; number: number }, format: MarkerExportFormatId): string
}

/** Which statuses this viewer may pick, so the room never offers a button the server will refuse. */
export interface ReviewRoomPermissions {
  canComment: boolean
  canResolve: boolean
  /** Empty when the viewer may not change the status. */
  settableStatuses: readonly ReviewStatusId[]
  /** Members can write team-only notes; guests only client-visible ones. */
  canChooseVisibility: boolean
  canExportMarkers: boolean
}

export interface ReviewRoomProps {
  reviewItemId: string
  title: string
  viewer: ReviewViewer
  timing: ReviewTiming
  /** v1 first. */
  initialVersions: ReviewRoomVersion[]
  /** The version shown first (e.g. from ?v=n); the latest when left out. */
  initialVersionNumber?: number
  actions: ReviewRoomActions
  /** Defaults to permissionsFor(viewer, actions); a page may narrow it (e.g. an archived project). */
  permissions?: ReviewRoomPermissions
  /** Opens with this note in view and the player on its frame (e.g. from the inbox); a reply focuses its thread. */
  focusCommentId?: string
  /** Called when the person switches version, e.g. to keep ?v=n in the URL. */
  onVersionChange?(versionNumber: number): void
  /**
   * Where a page puts what only it knows how to do, next to the version switcher: "Upload new version",
   * "Share", "Compare". Given the version on screen.
   */
  renderVersionTools?(version: ReviewRoomVersion): ReactNode
  /**
   * Shown instead of the player while a version is not ready (e.g. the upload engineer's VersionProcessingStatus
   * with retry). Left out: a plain "processing" / failure message.
   */
  renderProcessing?(version: ReviewRoomVersion, onReady: () => void): ReactNode
}

/** Permissions that follow from who is looking and which optional actions the page supplied. */
export function permissionsFor(viewer: ReviewViewer, actions: ReviewRoomActions): ReviewRoomPermissions {
  if (viewer.kind === 'guest') {
    const canWrite = viewer.canComment && viewer.guestId !== null
    return {
      canComment: canWrite,
      canResolve: false,
      settableStatuses: canWrite && actions.setVersionStatus ? ['approved', 'changes_requested'] : [],
      canChooseVisibility: false,
      canExportMarkers: false,
    }
  }
  const commenter = roleAtLeast(viewer.role, 'commenter')
  return {
    canComment: commenter,
    canResolve: commenter && Boolean(actions.resolve && actions.reopen),
    settableStatuses: roleAtLeast(viewer.role, 'editor') && actions.setVersionStatus ? ['in_review', 'changes_requested', 'approved'] : [],
    canChooseVisibility: true,
    canExportMarkers: Boolean(actions.exportMarkersUrl),
  }
}
