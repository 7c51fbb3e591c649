import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { boardSnapshots, type BoardSnapshotRow } from '@/db/schema'
import { notFound } from '@/lib/errors'

/** One snapshot of one project (the caller has checked access to that project), or NOT_FOUND. */
export async function findSnapshot(projectId: string, snapshotId: string): Promise<BoardSnapshotRow> {
  const db = await getDb()
  const [row] = await db
    .select()
    .from(boardSnapshots)
    .where(and(eq(boardSnapshots.id, snapshotId), eq(boardSnapshots.projectId, projectId)))
    .limit(1)
  if (!row) throw notFound('That version')
  return row
}
