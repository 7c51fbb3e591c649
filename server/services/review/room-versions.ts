// A review item's versions as the review room shows them: names instead of ids, media as URLs the viewer may fetch.
// Shared by the member page and the guest page; each passes its own way of addressing media.
import type { ReviewVersionView } from '@/lib/review/review-views'
import { asc, eq, inArray } from 'drizzle-orm'
import type { Executor } from '@/db/queries/executor'
import { guests, reviewVersions, users, type ReviewVersionRow } from '@/db/schema'

export type RoomVersionView = ReviewVersionView

export interface RoomMediaUrls {
  /** URL of a derived asset (proxy, poster, filmstrip) of this version. */
  media(assetId: string): string
  /** URL to download the original, or null when this viewer may not. */
  download(version: ReviewVersionRow): string | null
}

/** v1 first. The caller has already scoped the item to the viewer. */
export async function selectRoomVersions(db: Executor, reviewItemId: string, urls: RoomMediaUrls): Promise<RoomVersionView[]> {
  const rows = await db.select().from(reviewVersions).where(eq(reviewVersions.reviewItemId, reviewItemId)).orderBy(asc(reviewVersions.number))
  const userIds = [...new Set(rows.flatMap((row) => [row.createdBy, row.statusChangedByUserId]).filter((id): id is string => id !== null))]
  const guestIds = [...new Set(rows.map((row) => row.statusChangedByGuestId).filter((id): id is string => id !== null))]
  const userNames = new Map(
    userIds.length ? (await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, userIds))).map((user) => [user.id, user.name ?? user.email]) : [],
  )
  const guestNames = new Map(guestIds.length ? (await db.select({ id: guests.id, name: guests.name }).from(guests).where(inArray(guests.id, guestIds))).map((guest) => [guest.id, guest.name]) : [])
  return rows.map((row) => toRoomVersion(row, userNames, guestNames, urls))
}

function toRoomVersion(row: ReviewVersionRow, userNames: Map<string, string>, guestNames: Map<string, string>, urls: RoomMediaUrls): RoomVersionView {
  let statusChangedBy: RoomVersionView['statusChangedBy'] = null
  if (row.statusChangedByGuestId) statusChangedBy = { name: guestNames.get(row.statusChangedByGuestId) ?? 'Guest', kind: 'guest' }
  else if (row.statusChangedByUserId) statusChangedBy = { name: userNames.get(row.statusChangedByUserId) ?? 'A former member', kind: 'member' }
  else if (row.statusChangedAt) statusChangedBy = { name: 'A former member', kind: 'member' }
  const ready = row.processing === 'ready'
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    statusChangedBy,
    statusChangedAt: row.statusChangedAt,
    processing: row.processing,
    processingError: row.processingError,
    rate: { numerator: row.fpsNumerator, denominator: row.fpsDenominator },
    frameCount: row.frameCount,
    width: row.width,
    height: row.height,
    // Until processing is done the proxy would be half a file; the room shows progress instead.
    proxyUrl: ready && row.proxyAssetId ? urls.media(row.proxyAssetId) : null,
    posterUrl: row.posterAssetId ? urls.media(row.posterAssetId) : null,
    filmstrip: ready && row.filmstripAssetId && row.filmstripLayout ? { url: urls.media(row.filmstripAssetId), layout: row.filmstripLayout } : null,
    downloadUrl: urls.download(row),
    panelMap: row.panelMap ?? null,
    createdByName: row.createdBy ? (userNames.get(row.createdBy) ?? null) : null,
    createdAt: row.createdAt,
  }
}
