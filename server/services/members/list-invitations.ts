import { and, desc, eq, gt, isNull } from 'drizzle-orm'
import { getDb } from '@/db'
import { invitations, users } from '@/db/schema'
import type { Role } from '@/lib/roles'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'

export interface PendingInvitation {
  id: string
  role: Role
  email: string | null
  expiresAt: Date
  invitedByName: string | null
  createdAt: Date
}

/** Owners only: invitations that can still be used (not accepted, revoked or expired), newest first. */
export async function listInvitations(params: { actor: Actor | null; workspaceId: string }): Promise<PendingInvitation[]> {
  const actor = requireSignedIn(params.actor)
  const { workspaceId } = await requireRole(actor, { workspaceId: params.workspaceId }, 'owner')
  const db = await getDb()
  const rows = await db
    .select({
      id: invitations.id,
      role: invitations.role,
      email: invitations.email,
      expiresAt: invitations.expiresAt,
      inviterName: users.name,
      inviterEmail: users.email,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(
      and(
        eq(invitations.workspaceId, workspaceId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
  return rows.map(({ inviterName, inviterEmail, ...row }) => ({ ...row, invitedByName: inviterName ?? inviterEmail }))
}
