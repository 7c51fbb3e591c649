import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm'
import { getDb } from '@/db'
import { reviewComments, reviewItems, reviewVersions } from '@/db/schema'
import { panelAtFrame } from '@/lib/review/panel-map'
import { requireRole, type Actor } from '@/server/auth/require-role'

export interface PanelCommentBadge {
  /** Open (unresolved, not deleted) top-level notes on this panel's frames. */
  open: number
  /** The earliest of them in the animatic, which the badge opens the review room on. */
  firstCommentId: string
}

export interface PanelComments {
  reviewItemId: string
  versionNumber: number
  byPanel: Record<string, PanelCommentBadge>
}

/**
 * The open notes of the latest rendered animatic, counted per board panel through the version's panel map. Older
 * versions are left out on purpose: their notes were about a cut of the board that has since been re-rendered.
 */
export async function listPanelComments(params: { actor: Actor | null; projectId: string }): Promise<PanelComments | null> {
  const access = await requireRole(params.actor, { projectId: params.projectId }, 'viewer')
  const db = await getDb()
  const [latest] = await db
    .select({ versionId: reviewVersions.id, number: reviewVersions.number, reviewItemId: reviewItems.id, panelMap: reviewVersions.panelMap })
    .from(reviewVersions)
    .innerJoin(reviewItems, eq(reviewItems.id, reviewVersions.reviewItemId))
    .where(
      and(
        eq(reviewItems.projectId, params.projectId),
        eq(reviewItems.workspaceId, access.workspaceId),
        eq(reviewItems.kind, 'animatic'),
        isNull(reviewItems.archivedAt),
        isNotNull(reviewVersions.panelMap),
      ),
    )
    .orderBy(desc(reviewVersions.createdAt), desc(reviewVersions.number))
    .limit(1)
  if (!latest) return null
  const open = await db
    .select({ id: reviewComments.id, frameIn: reviewComments.frameIn })
    .from(reviewComments)
    .where(and(eq(reviewComments.versionId, latest.versionId), isNull(reviewComments.parentId), isNull(reviewComments.deletedAt), isNull(reviewComments.resolvedAt)))
    .orderBy(reviewComments.frameIn, reviewComments.createdAt)
  const byPanel: Record<string, PanelCommentBadge> = {}
  for (const comment of open) {
    const panel = panelAtFrame(latest.panelMap, comment.frameIn)
    if (!panel) continue
    const badge = byPanel[panel.panelId]
    if (badge) badge.open += 1
    else byPanel[panel.panelId] = { open: 1, firstCommentId: comment.id }
  }
  return { reviewItemId: latest.reviewItemId, versionNumber: latest.number, byPanel }
}
