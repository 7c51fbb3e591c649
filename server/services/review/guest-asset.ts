import { and, eq, isNull, or } from 'drizzle-orm'
import { getDb } from '@/db'
import { assets, reviewItems, reviewVersions, type AssetRow } from '@/db/schema'
import { isAppError, notFound } from '@/lib/errors'
import { assertGuestLinkLive, type GuestPrincipal } from './guest-principal'

/**
 * A file a guest may fetch: the proxy, poster or filmstrip of a version of the guest's own review item, and the
 * original only on a link with download rights. Anything else is the same NOT_FOUND; a revoked or expired link GONE.
 */
export async function getGuestAsset(params: { guest: GuestPrincipal; assetId: string }): Promise<AssetRow> {
  const { guest, assetId } = params
  const db = await getDb()
  await assertGuestLinkLive(db, guest)
  const viewable = [eq(reviewVersions.proxyAssetId, assetId), eq(reviewVersions.posterAssetId, assetId), eq(reviewVersions.filmstripAssetId, assetId)]
  if (guest.canDownload) viewable.push(eq(reviewVersions.assetId, assetId))
  const [row] = await db
    .select({ asset: assets })
    .from(reviewVersions)
    .innerJoin(reviewItems, eq(reviewItems.id, reviewVersions.reviewItemId))
    .innerJoin(assets, and(eq(assets.id, assetId), eq(assets.projectId, reviewItems.projectId), eq(assets.workspaceId, reviewItems.workspaceId)))
    .where(and(eq(reviewItems.id, guest.reviewItemId), eq(reviewItems.projectId, guest.projectId), or(...viewable), isNull(assets.deletedAt)))
    .limit(1)
  if (!row) throw notFound('That file')
  return row.asset
}

/**
 * Whether the guest's link still opens its media: false once it is revoked, expired or gone. Asked every couple of
 * seconds while a guest's media response streams, from the database, so a revocation on any instance cuts it.
 */
export async function isGuestLinkLive(params: { guest: GuestPrincipal; now?: Date }): Promise<boolean> {
  try {
    await assertGuestLinkLive(await getDb(), params.guest, params.now)
    return true
  } catch (error) {
    if (isAppError(error)) return false
    throw error
  }
}
