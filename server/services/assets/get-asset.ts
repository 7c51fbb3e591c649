import { and, eq, isNull } from 'drizzle-orm'
import { getDb } from '@/db'
import { assets, type AssetRow } from '@/db/schema'
import { isAppError, notFound } from '@/lib/errors'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'

/**
 * One asset that the actor may read: viewer or above in its project. A missing, deleted or foreign asset is the same
 * NOT_FOUND with the same message, so ids from other workspaces reveal nothing.
 */
export async function getAsset(params: { actor: Actor | null; assetId: string }): Promise<AssetRow> {
  const actor = requireSignedIn(params.actor)
  const db = await getDb()
  const [asset] = await db
    .select()
    .from(assets)
    .where(and(eq(assets.id, params.assetId), isNull(assets.deletedAt)))
    .limit(1)
  if (!asset) throw assetNotFound()
  await authorizeRead(actor, asset)
  return asset
}

/**
 * The access rule for reading an asset, in one place. Guests arriving through a share link (a later issue) get a
 * second way in here: a verified share-link grant for the review item this asset belongs to.
 */
async function authorizeRead(actor: Actor, asset: AssetRow): Promise<void> {
  try {
    const access = await requireRole(actor, { projectId: asset.projectId }, 'viewer')
    if (access.workspaceId !== asset.workspaceId) throw assetNotFound()
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') throw assetNotFound()
    throw error
  }
}

const assetNotFound = () => notFound('That file')
