import { and, eq, getTableColumns } from 'drizzle-orm'
import { getDb } from '@/db'
import { projects, workspaces } from '@/db/schema'
import { notFound } from '@/lib/errors'
import type { Role } from '@/lib/roles'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import type { ProjectRow } from './list-projects'

export type ProjectDetail = ProjectRow & { workspaceName: string; role: Role }

export async function getProject(params: { actor: Actor | null; projectId: string }): Promise<ProjectDetail> {
  const actor = requireSignedIn(params.actor)
  const { workspaceId, role } = await requireRole(actor, { projectId: params.projectId }, 'viewer')
  const db = await getDb()
  const [project] = await db
    .select({ ...getTableColumns(projects), workspaceName: workspaces.name })
    .from(projects)
    .innerJoin(workspaces, eq(workspaces.id, projects.workspaceId))
    .where(and(eq(projects.id, params.projectId), eq(projects.workspaceId, workspaceId)))
    .limit(1)
  if (!project) throw notFound('That project')
  return { ...project, role }
}
