// What a page hands to <ShareLinksDialog>: the share-link server actions (no data access here). The member review page
// passes them straight through, e.g.
//   <ShareLinksDialog projectId={projectId} reviewItemId={item.id} reviewTitle={item.title}
//     actions={{ list: listShareLinksAction, create: createShareLinkAction, revoke: revokeShareLinkAction }} />
import type { ActionResult } from '@/lib/action-result'
import type { ShareLinkView } from '@/lib/review/review-views'

export type ShareLinkSummary = ShareLinkView

export interface NewShareLinkInput {
  projectId: string
  reviewItemId: string
  password?: string
  expiresInDays?: number
  canComment?: boolean
  canDownload?: boolean
}

export interface ShareLinksActions {
  list(input: { projectId: string; reviewItemId: string }): Promise<ActionResult<ShareLinkSummary[]>>
  create(input: NewShareLinkInput): Promise<ActionResult<{ shareLinkId: string; url: string; expiresAt: Date | null }>>
  revoke(input: { projectId: string; shareLinkId: string }): Promise<ActionResult<{ shareLinkId: string }>>
}

export type ShareLinkStatus = 'active' | 'expired' | 'revoked'

export function shareLinkStatus(link: Pick<ShareLinkSummary, 'revokedAt' | 'expiresAt'>, now = new Date()): ShareLinkStatus {
  if (link.revokedAt) return 'revoked'
  if (link.expiresAt && new Date(link.expiresAt) <= now) return 'expired'
  return 'active'
}
