import { eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { workspaces } from '@/db/schema'
import { notFound } from '@/lib/errors'
import type { Role } from '@/lib/roles'
import { requireRole, type Actor } from '@/server/auth/require-role'

export async function getWorkspace(params: { actor: Actor | null; workspaceId: string }): Promise<{ id: string; name: string; personal: boolean; role: Role }> {
  const { workspaceId, role } = await requireRole(params.actor, { workspaceId: params.workspaceId }, 'viewer')
  const db = await getDb()
  const [workspace] = await db
    .select({ id: workspaces.id, name: workspaces.name, personal: workspaces.personal })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .limit(1)
  if (!workspace) throw notFound('That workspace')
  return { ...workspace, role }
}
