import type { Executor } from '@/db/queries/executor'
import { assets, type ProvenanceRow } from '@/db/schema'
import type { ProvenanceDetails } from '@/lib/provenance/vocabulary'
import { recordProvenance } from './record-provenance'

type NewAsset = typeof assets.$inferInsert & { id: string; projectId: string }

/**
 * Adds an asset row and its ledger row through the caller's transaction: the one way services create assets, so no
 * file can enter a project without saying who or what made it. The ledger's actor is the asset's creator.
 */
export async function insertAssetWithProvenance(params: { executor: Executor; asset: NewAsset; details: ProvenanceDetails }): Promise<ProvenanceRow> {
  const { executor, asset, details } = params
  await executor.insert(assets).values(asset)
  return recordProvenance({ executor, projectId: asset.projectId, assetId: asset.id, actorUserId: asset.createdBy ?? null, details })
}
