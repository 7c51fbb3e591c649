import { and, desc, eq, inArray } from 'drizzle-orm'
import type { Executor } from '@/db/queries/executor'
import { provenance } from '@/db/schema'
import { isAiOrigin } from '@/lib/provenance/vocabulary'

/** Whether the latest ledger row of any of these assets (of this project) says AI made or helped make it. */
export async function anyMadeByAi(executor: Executor, projectId: string, assetIds: readonly string[]): Promise<boolean> {
  if (assetIds.length === 0) return false
  const rows = await executor
    .select({ assetId: provenance.assetId, origin: provenance.origin })
    .from(provenance)
    .where(and(eq(provenance.projectId, projectId), inArray(provenance.assetId, [...assetIds])))
    .orderBy(desc(provenance.createdAt))
  const latest = new Map<string, (typeof rows)[number]['origin']>()
  for (const row of rows) if (!latest.has(row.assetId)) latest.set(row.assetId, row.origin)
  return [...latest.values()].some(isAiOrigin)
}
