import { asc, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { memberships, users } from '@/db/schema'
import type { Role } from '@/lib/roles'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'

export interface MemberSummary {
  userId: string
  name: string | null
  email: string
  role: Role
  joinedAt: Date
}

/** Everyone in the workspace, earliest first; any member may see who else is there. */
export async function listMembers(params: { actor: Actor | null; workspaceId: string }): Promise<MemberSummary[]> {
  const actor = requireSignedIn(params.actor)
  const { workspaceId } = await requireRole(actor, { workspaceId: params.workspaceId }, 'viewer')
  const db = await getDb()
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(memberships.createdAt), asc(users.email))
}
