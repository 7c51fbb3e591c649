import { and, eq, inArray } from 'drizzle-orm'
import { getDb } from '@/db'
import type { Executor } from '@/db/queries/executor'
import { assets, provenance, type ProvenanceRow } from '@/db/schema'
import { AppError } from '@/lib/errors'
import { provenanceDetails, type ProvenanceDetails } from '@/lib/provenance/vocabulary'

/**
 * Adds one ledger row for an asset. A building block for the services that create assets (uploads, generation,
 * renders): they have already checked the actor's role, and pass their transaction so the asset and its row are
 * written together or not at all. The asset and every parent must belong to the given project, so a client-supplied
 * id can never tie this project's ledger to someone else's file.
 */
export async function recordProvenance(params: {
  executor?: Executor
  projectId: string
  assetId: string
  actorUserId: string | null
  details: ProvenanceDetails
}): Promise<ProvenanceRow> {
  const details = provenanceDetails.parse(params.details)
  const db = params.executor ?? (await getDb())
  const [asset] = await db
    .select({ workspaceId: assets.workspaceId })
    .from(assets)
    .where(and(eq(assets.id, params.assetId), eq(assets.projectId, params.projectId)))
    .limit(1)
  if (!asset) throw new AppError('NOT_FOUND', { userMessage: 'That asset was not found in this project.' })

  const parentAssetIds = [...new Set(details.parentAssetIds)]
  if (parentAssetIds.length > 0) {
    const found = await db
      .select({ id: assets.id })
      .from(assets)
      .where(and(inArray(assets.id, parentAssetIds), eq(assets.projectId, params.projectId)))
    if (found.length !== parentAssetIds.length) {
      throw new AppError('NOT_FOUND', { userMessage: 'An asset this one was made from was not found in this project.' })
    }
  }

  const [row] = await db
    .insert(provenance)
    .values({
      assetId: params.assetId,
      workspaceId: asset.workspaceId,
      projectId: params.projectId,
      origin: details.origin,
      category: details.category,
      provider: details.provider ?? null,
      model: details.model ?? null,
      prompt: details.prompt ?? null,
      negativePrompt: details.negativePrompt ?? null,
      seed: details.seed ?? null,
      parameters: details.parameters,
      parentAssetIds,
      actorUserId: params.actorUserId,
    })
    .returning()
  if (!row) throw new Error('provenance insert returned no row')
  return row
}
