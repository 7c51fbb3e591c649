// What the review pages show, as plain serialisable shapes: built by the review services (members and guests alike)
// and rendered by the review room and the inbox. One definition, so the server and the room cannot drift apart.
import type { FilmstripLayout } from '@/lib/media/filmstrip-layout'
import type { PanelMapEntry } from './panel-map'
import type { commentVisibilities, reviewStatuses } from '@/lib/schemas/review'
import type { Annotation } from './annotation'
import type { VersionProcessingState } from './version-processing'

export type ReviewStatusId = (typeof reviewStatuses)[number]

/** One version as the room lists it, with the media URLs this viewer may fetch. */
export interface ReviewVersionView {
  id: string
  number: number
  status: ReviewStatusId
  /** A member's or guest's name, null when nobody changed it yet. */
  statusChangedBy: { name: string; kind: 'member' | 'guest' } | null
  statusChangedAt: Date | null
  processing: VersionProcessingState
  processingError: string | null
  /** The version's own rate and length in whole frames (the probed values once processing is done). */
  rate: { numerator: number; denominator: number }
  frameCount: number
  width: number
  height: number
  /** Media URLs the viewer may fetch (member: /api/media/<id>; guest: whatever the guest route serves). */
  proxyUrl: string | null
  posterUrl: string | null
  filmstrip: { url: string; layout: FilmstripLayout } | null
  /** The original, only when this viewer may download it. */
  downloadUrl: string | null
  createdByName: string | null
  createdAt: Date
  /** A rendered animatic's board panels by frame, so a note shows "Scene 2 · Shot 4A · panel 2"; null for uploads. */
  panelMap: PanelMapEntry[] | null
}

/** One @mention in the signed-in person's inbox. */
export interface MentionInboxEntry {
  commentId: string
  body: string
  authorName: string
  frameIn: number
  readAt: Date | null
  createdAt: Date
  projectId: string
  projectName: string
  /** For the timecode label: the project's clock. */
  timing: { rate: { numerator: number; denominator: number }; dropFrame: boolean; startTimecode: string }
  reviewItemId: string
  reviewItemTitle: string
  versionNumber: number
}

export type CommentVisibility = (typeof commentVisibilities)[number]

/** One note as the room lists it, for members and guests alike (guests only ever receive client-visible ones). */
export interface ReviewCommentView {
  id: string
  /** Replies are one level deep: a reply's parent is always a top-level comment. */
  parentId: string | null
  authorName: string
  authorKind: 'member' | 'guest'
  authorUserId: string | null
  frameIn: number
  /** Exclusive end (the note covers frameIn … frameOut − 1); null = that one frame. */
  frameOut: number | null
  body: string
  annotation: Annotation | null
  visibility: CommentVisibility
  resolvedAt: Date | null
  editedAt: Date | null
  createdAt: Date
}

/** A guest link as its owners see it. The token and password hashes never leave the server. */
export interface ShareLinkView {
  id: string
  passwordProtected: boolean
  expiresAt: Date | null
  canComment: boolean
  canDownload: boolean
  revokedAt: Date | null
  createdAt: Date
  createdByName: string | null
  /** People who gave a name on this link, and when the latest did: the cheap "is anyone using it". */
  guestCount: number
  lastGuestAt: Date | null
}
