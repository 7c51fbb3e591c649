import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm'
import { getDb } from '@/db'
import { reviewComments, reviewItems, reviewVersions, type ReviewStatus, type ReviewVersionRow } from '@/db/schema'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { memberMediaUrl } from './get-review-room'
import { projectScope } from './review-scope'

export interface ReviewOverviewItem {
  id: string
  title: string
  kind: 'cut' | 'animatic'
  createdAt: Date
  versionCount: number
  latest: {
    number: number
    status: ReviewStatus
    processing: ReviewVersionRow['processing']
    posterUrl: string | null
    frameCount: number
    rate: { numerator: number; denominator: number }
    /** Top-level notes on the latest version that nobody has resolved yet. */
    openComments: number
    createdAt: Date
  } | null
}

/** Viewers and up: the project's review items, newest first, each with its latest version and open notes. */
export async function listReviewOverview(params: { actor: Actor | null; projectId: string }): Promise<ReviewOverviewItem[]> {
  const actor = requireSignedIn(params.actor)
  const scope = projectScope(await requireRole(actor, { projectId: params.projectId }, 'viewer'))
  const db = await getDb()
  const items = await db
    .select()
    .from(reviewItems)
    .where(and(eq(reviewItems.projectId, scope.projectId), eq(reviewItems.workspaceId, scope.workspaceId), isNull(reviewItems.archivedAt)))
    .orderBy(desc(reviewItems.createdAt))
  if (items.length === 0) return []
  const versions = await db
    .select()
    .from(reviewVersions)
    .where(inArray(reviewVersions.reviewItemId, items.map((item) => item.id)))
  const latestByItem = new Map<string, ReviewVersionRow>()
  const countByItem = new Map<string, number>()
  for (const version of versions) {
    countByItem.set(version.reviewItemId, (countByItem.get(version.reviewItemId) ?? 0) + 1)
    const current = latestByItem.get(version.reviewItemId)
    if (!current || version.number > current.number) latestByItem.set(version.reviewItemId, version)
  }
  const latestIds = [...latestByItem.values()].map((version) => version.id)
  const open = latestIds.length
    ? await db
        .select({ versionId: reviewComments.versionId, value: count() })
        .from(reviewComments)
        .where(and(inArray(reviewComments.versionId, latestIds), isNull(reviewComments.parentId), isNull(reviewComments.deletedAt), isNull(reviewComments.resolvedAt)))
        .groupBy(reviewComments.versionId)
    : []
  const openByVersion = new Map(open.map((row) => [row.versionId, Number(row.value)]))
  return items.map((item) => {
    const latest = latestByItem.get(item.id)
    return {
      id: item.id,
      title: item.title,
      kind: item.kind,
      createdAt: item.createdAt,
      versionCount: countByItem.get(item.id) ?? 0,
      latest: latest
        ? {
            number: latest.number,
            status: latest.status,
            processing: latest.processing,
            posterUrl: latest.posterAssetId ? memberMediaUrl(latest.posterAssetId) : null,
            frameCount: latest.frameCount,
            rate: { numerator: latest.fpsNumerator, denominator: latest.fpsDenominator },
            openComments: openByVersion.get(latest.id) ?? 0,
            createdAt: latest.createdAt,
          }
        : null,
    }
  })
}
