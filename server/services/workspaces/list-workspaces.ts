import { asc, eq, isNull, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { memberships, projects, workspaces } from '@/db/schema'
import type { Role } from '@/lib/roles'
import { requireSignedIn, type Actor } from '@/server/auth/require-role'

export interface WorkspaceSummary {
  id: string
  name: string
  personal: boolean
  role: Role
  /** Projects that are not archived. */
  projectCount: number
}

/** The caller's workspaces, in the order they joined them (so their own personal workspace comes first). */
export async function listWorkspaces(params: { actor: Actor | null }): Promise<WorkspaceSummary[]> {
  const actor = requireSignedIn(params.actor)
  const db = await getDb()
  const projectCount = db
    .select({ workspaceId: projects.workspaceId, n: sql<number>`count(*)::int`.as('n') })
    .from(projects)
    .where(isNull(projects.archivedAt))
    .groupBy(projects.workspaceId)
    .as('project_count')
  return db
    .select({
      id: workspaces.id,
      name: workspaces.name,
      personal: workspaces.personal,
      role: memberships.role,
      projectCount: sql<number>`coalesce(${projectCount.n}, 0)::int`,
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .leftJoin(projectCount, eq(projectCount.workspaceId, workspaces.id))
    .where(eq(memberships.userId, actor.userId))
    .orderBy(asc(memberships.createdAt), asc(workspaces.name))
}
