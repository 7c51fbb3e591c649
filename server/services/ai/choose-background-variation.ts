import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { assets, backgroundGenerations } from '@/db/schema'
import type { ChosenBackground } from '@/lib/ai/background-generation-status'
import { AppError } from '@/lib/errors'
import { requireRole, type Actor } from '@/server/auth/require-role'
import { mediaUrl } from '@/server/services/assets/media-url'
import { findBackgroundGeneration } from './find-background-generation'

/**
 * Records which variation of a generation is placed on its panel and answers what the editor needs to place it.
 * Only an image this generation made can be chosen, so the panel's "generated background" is always a ledgered
 * AI asset. Choosing again (another variation later) replaces the record. Editors and owners.
 */
export async function chooseBackgroundVariation(params: { actor: Actor | null; projectId: string; generationId: string; assetId: string }): Promise<ChosenBackground> {
  const { workspaceId } = await requireRole(params.actor, { projectId: params.projectId }, 'editor')
  const db = await getDb()
  const generation = await findBackgroundGeneration(db, { workspaceId, projectId: params.projectId }, params.generationId)
  const image = generation.result?.images.find((candidate) => candidate.assetId === params.assetId)
  if (!generation.result || !image) throw new AppError('NOT_FOUND', { userMessage: 'That image is not one of this request’s variations.' })
  const [stored] = await db.select({ mime: assets.mime }).from(assets).where(and(eq(assets.id, image.assetId), eq(assets.projectId, params.projectId))).limit(1)
  if (!stored) throw new AppError('NOT_FOUND', { userMessage: 'That image is no longer stored. Generate again.' })
  await db.update(backgroundGenerations).set({ chosenAssetId: image.assetId, chosenAt: new Date() }).where(eq(backgroundGenerations.id, generation.id))
  return {
    assetId: image.assetId,
    url: mediaUrl(image.assetId),
    width: image.width,
    height: image.height,
    mime: stored.mime,
    provider: generation.result.provider,
    model: generation.result.model,
  }
}
