import { and, eq } from 'drizzle-orm'
import type { Executor } from '@/db/queries/executor'
import { backgroundGenerations, type BackgroundGenerationRow } from '@/db/schema'
import { AppError } from '@/lib/errors'

/** A generation of the caller's project, or NOT_FOUND: a generation id from a client is never looked up unscoped. */
export async function findBackgroundGeneration(
  db: Executor,
  scope: { workspaceId: string; projectId: string },
  generationId: string,
): Promise<BackgroundGenerationRow> {
  const [row] = await db
    .select()
    .from(backgroundGenerations)
    .where(
      and(
        eq(backgroundGenerations.id, generationId),
        eq(backgroundGenerations.projectId, scope.projectId),
        eq(backgroundGenerations.workspaceId, scope.workspaceId),
      ),
    )
    .limit(1)
  if (!row) throw new AppError('NOT_FOUND', { userMessage: 'That background request was not found in this project.' })
  return row
}
