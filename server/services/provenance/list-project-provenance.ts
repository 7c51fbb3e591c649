import { and, asc, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { assets, provenance, users } from '@/db/schema'
import type { ProvenanceCategory, ProvenanceOrigin } from '@/lib/provenance/vocabulary'
import { requireRole, type Actor } from '@/server/auth/require-role'

export interface ProvenanceEntry {
  id: string
  assetId: string
  assetKind: string
  assetName: string
  assetDeleted: boolean
  origin: ProvenanceOrigin
  category: ProvenanceCategory
  provider: string | null
  model: string | null
  prompt: string | null
  negativePrompt: string | null
  seed: number | null
  parameters: Record<string, unknown>
  parentAssetIds: string[]
  actorUserId: string | null
  actorName: string | null
  createdAt: Date
}

/**
 * The project's whole ledger, oldest first, for the disclosure page and its exports. Anyone who can see the project
 * may read it: the report is meant to be shown. Deleted assets stay in the list (marked), because what was made
 * with a model and then thrown away may still have shaped the film.
 */
export async function listProjectProvenance(params: { actor: Actor | null; projectId: string }): Promise<ProvenanceEntry[]> {
  const { workspaceId } = await requireRole(params.actor, { projectId: params.projectId }, 'viewer')
  const db = await getDb()
  const rows = await db
    .select({
      id: provenance.id,
      assetId: provenance.assetId,
      assetKind: assets.kind,
      assetName: assets.originalName,
      assetDeletedAt: assets.deletedAt,
      origin: provenance.origin,
      category: provenance.category,
      provider: provenance.provider,
      model: provenance.model,
      prompt: provenance.prompt,
      negativePrompt: provenance.negativePrompt,
      seed: provenance.seed,
      parameters: provenance.parameters,
      parentAssetIds: provenance.parentAssetIds,
      actorUserId: provenance.actorUserId,
      actorName: users.name,
      createdAt: provenance.createdAt,
    })
    .from(provenance)
    .innerJoin(assets, and(eq(assets.id, provenance.assetId), eq(assets.projectId, provenance.projectId)))
    .leftJoin(users, eq(users.id, provenance.actorUserId))
    .where(and(eq(provenance.projectId, params.projectId), eq(provenance.workspaceId, workspaceId)))
    .orderBy(asc(provenance.createdAt), asc(provenance.id))
  return rows.map(({ assetDeletedAt, ...row }) => ({ ...row, assetDeleted: assetDeletedAt !== null }))
}
