import { desc, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { boardSnapshots, users } from '@/db/schema'
import type { SnapshotSummary } from '@/lib/schemas/boards'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'

/** The newest versions first; a board is not expected to keep more than this many by hand. */
const listLimit = 200

/** Viewers and up. */
export async function listSnapshots(params: { actor: Actor | null; projectId: string }): Promise<SnapshotSummary[]> {
  const actor = requireSignedIn(params.actor)
  await requireRole(actor, { projectId: params.projectId }, 'viewer')
  const db = await getDb()
  const rows = await db
    .select({
      id: boardSnapshots.id,
      name: boardSnapshots.name,
      authorName: users.name,
      authorEmail: users.email,
      createdAt: boardSnapshots.createdAt,
      sceneCount: boardSnapshots.sceneCount,
      shotCount: boardSnapshots.shotCount,
      panelCount: boardSnapshots.panelCount,
      bytes: boardSnapshots.bytes,
    })
    .from(boardSnapshots)
    .leftJoin(users, eq(users.id, boardSnapshots.createdBy))
    .where(eq(boardSnapshots.projectId, params.projectId))
    .orderBy(desc(boardSnapshots.createdAt))
    .limit(listLimit)
  return rows.map(({ authorEmail, createdAt, ...row }) => ({ ...row, authorName: row.authorName ?? authorEmail, createdAt: createdAt.toISOString() }))
}
