import { and, desc, eq, isNull } from 'drizzle-orm'
import { getDb } from '@/db'
import { assets, projects, provenance } from '@/db/schema'
import type { ProvenanceCategory, ProvenanceOrigin } from '@/lib/provenance/vocabulary'
import { requireRole, type Actor } from '@/server/auth/require-role'

export interface ProjectAudioTrack {
  id: string
  name: string
  durationSeconds: number | null
  category: ProvenanceCategory | null
  origin: ProvenanceOrigin | null
  createdAt: Date
}

/**
 * The project's sound files (music, scratch voice), newest first, with what the ledger says about each: the choices
 * for an animatic's audio track. Viewers and up may read the list; only editors can render with one.
 */
export async function listProjectAudio(params: { actor: Actor | null; projectId: string }): Promise<ProjectAudioTrack[]> {
  const { workspaceId } = await requireRole(params.actor, { projectId: params.projectId }, 'viewer')
  const db = await getDb()
  const rows = await db
    .select({
      id: assets.id,
      name: assets.originalName,
      durationFrames: assets.durationFrames,
      fpsNumerator: projects.fpsNumerator,
      fpsDenominator: projects.fpsDenominator,
      createdAt: assets.createdAt,
      category: provenance.category,
      origin: provenance.origin,
    })
    .from(assets)
    .innerJoin(projects, eq(projects.id, assets.projectId))
    .leftJoin(provenance, and(eq(provenance.assetId, assets.id), eq(provenance.projectId, assets.projectId)))
    .where(and(eq(assets.projectId, params.projectId), eq(assets.workspaceId, workspaceId), eq(assets.kind, 'audio'), isNull(assets.deletedAt)))
    .orderBy(desc(assets.createdAt), desc(provenance.createdAt))
  // One entry per track, described by its latest ledger row (rows come newest first within a track).
  const tracks = new Map<string, ProjectAudioTrack>()
  for (const row of rows) {
    if (tracks.has(row.id)) continue
    tracks.set(row.id, {
      id: row.id,
      name: row.name,
      durationSeconds: row.durationFrames === null ? null : (row.durationFrames * row.fpsDenominator) / row.fpsNumerator,
      category: row.category,
      origin: row.origin,
      createdAt: row.createdAt,
    })
  }
  return [...tracks.values()]
}
