import { and, eq, sql } from 'drizzle-orm'
import type { Role } from '@/lib/roles'
import { memberships, workspaces } from '../schema'
import type { Executor } from './executor'

/**
 * Serialises membership changes in one workspace for the rest of the transaction, so two owners demoting or
 * removing each other at the same moment cannot leave the workspace with no owner.
 */
export async function lockWorkspace(tx: Executor, workspaceId: string): Promise<boolean> {
  const rows = await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, workspaceId)).for('update')
  return rows.length > 0
}

export async function findMembership(db: Executor, workspaceId: string, userId: string): Promise<{ role: Role } | null> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .limit(1)
  return row ?? null
}

export async function countOwners(db: Executor, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'owner')))
  return row?.n ?? 0
}

export async function insertMembership(db: Executor, values: { workspaceId: string; userId: string; role: Role }): Promise<void> {
  await db.insert(memberships).values(values)
}

export async function updateMembershipRole(db: Executor, workspaceId: string, userId: string, role: Role): Promise<void> {
  await db
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
}

export async function deleteMembership(db: Executor, workspaceId: string, userId: string): Promise<void> {
  await db.delete(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
}
