// What the guest review page shows: the cut's title, who shared it, what the link allows, the project's timecode
// settings and the versions with media URLs the guest session may fetch (the original only with download rights).
import type { ReviewVersionView } from '@/lib/review/review-views'
import { asc, eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { getDb } from '@/db'
import { guests, projects, reviewItems, reviewVersions, shareLinks, users } from '@/db/schema'
import { notFound } from '@/lib/errors'
import { assertGuestLinkLive, type GuestPrincipal } from './guest-principal'

export type GuestReviewVersion = ReviewVersionView

export interface GuestReview {
  reviewItemId: string
  title: string
  kind: 'cut' | 'animatic'
  projectName: string
  sharedByName: string | null
  sharedAt: Date
  expiresAt: Date | null
  canComment: boolean
  canDownload: boolean
  timing: { rate: { numerator: number; denominator: number }; dropFrame: boolean; startTimecode: string }
  versions: GuestReviewVersion[]
}

const mediaUrl = (assetId: string | null, download = false) => (assetId ? `/api/media/${assetId}${download ? '?download=1' : ''}` : null)

export async function getGuestReview(params: { guest: GuestPrincipal }): Promise<GuestReview> {
  const { guest } = params
  const db = await getDb()
  await assertGuestLinkLive(db, guest)
  const sharer = alias(users, 'sharer')
  const [head] = await db
    .select({ item: reviewItems, project: projects, link: shareLinks, sharerName: sharer.name, sharerEmail: sharer.email })
    .from(shareLinks)
    .innerJoin(reviewItems, eq(reviewItems.id, shareLinks.reviewItemId))
    .innerJoin(projects, eq(projects.id, reviewItems.projectId))
    .leftJoin(sharer, eq(sharer.id, shareLinks.createdBy))
    .where(eq(shareLinks.id, guest.shareLinkId))
  if (!head || head.item.id !== guest.reviewItemId) throw notFound('That review')
  const statusUser = alias(users, 'status_user')
  const creator = alias(users, 'creator')
  const rows = await db
    .select({ version: reviewVersions, statusUserName: statusUser.name, statusUserEmail: statusUser.email, statusGuestName: guests.name, creatorName: creator.name, creatorEmail: creator.email })
    .from(reviewVersions)
    .leftJoin(statusUser, eq(statusUser.id, reviewVersions.statusChangedByUserId))
    .leftJoin(guests, eq(guests.id, reviewVersions.statusChangedByGuestId))
    .leftJoin(creator, eq(creator.id, reviewVersions.createdBy))
    .where(eq(reviewVersions.reviewItemId, head.item.id))
    .orderBy(asc(reviewVersions.number))
  return {
    reviewItemId: head.item.id,
    title: head.item.title,
    kind: head.item.kind,
    projectName: head.project.name,
    sharedByName: head.sharerName ?? head.sharerEmail?.split('@')[0] ?? null,
    sharedAt: head.link.createdAt,
    expiresAt: head.link.expiresAt,
    canComment: head.link.canComment,
    canDownload: head.link.canDownload,
    timing: {
      rate: { numerator: head.project.fpsNumerator, denominator: head.project.fpsDenominator },
      dropFrame: head.project.dropFrame,
      startTimecode: head.project.startTimecode,
    },
    versions: rows.map(({ version, statusUserName, statusUserEmail, statusGuestName, creatorName, creatorEmail }) => ({
      id: version.id,
      number: version.number,
      status: version.status,
      statusChangedBy: version.statusChangedByGuestId
        ? { name: statusGuestName ?? 'Guest', kind: 'guest' as const }
        : version.statusChangedByUserId
          ? { name: statusUserName ?? statusUserEmail?.split('@')[0] ?? 'A member', kind: 'member' as const }
          : null,
      statusChangedAt: version.statusChangedAt,
      processing: version.processing,
      processingError: version.processing === 'failed' ? 'This version could not be prepared for playback.' : null,
      rate: { numerator: version.fpsNumerator, denominator: version.fpsDenominator },
      frameCount: version.frameCount,
      width: version.width,
      height: version.height,
      proxyUrl: version.processing === 'ready' ? mediaUrl(version.proxyAssetId) : null,
      posterUrl: mediaUrl(version.posterAssetId),
      filmstrip: version.filmstripAssetId && version.filmstripLayout ? { url: mediaUrl(version.filmstripAssetId)!, layout: version.filmstripLayout } : null,
      downloadUrl: head.link.canDownload ? mediaUrl(version.assetId, true) : null,
      createdByName: creatorName ?? creatorEmail?.split('@')[0] ?? null,
      createdAt: version.createdAt,
      // Clients comment on animatics too; the scene/shot/panel a note lands on is no secret of the team's.
      panelMap: version.panelMap ?? null,
    })),
  }
}
