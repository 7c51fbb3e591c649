import { sql } from 'drizzle-orm'
import { activity } from '../schema'
import type { Executor } from './executor'

export interface NewActivity {
  workspaceId: string
  projectId?: string | null
  actorId: string | null
  kind: string
  data?: Record<string, unknown>
}

export async function insertActivity(db: Executor, row: NewActivity): Promise<void> {
  await db.insert(activity).values({
    workspaceId: row.workspaceId,
    projectId: row.projectId ?? null,
    actorId: row.actorId,
    kind: row.kind,
    data: row.data ?? {},
    // now() is frozen for a whole transaction; clock_timestamp() keeps rows written together in the order written.
    createdAt: sql`clock_timestamp()`,
  })
}
