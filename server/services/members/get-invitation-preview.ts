import { eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { invitations, users, workspaces } from '@/db/schema'
import { invitationStatus, type InvitationStatus } from '@/db/queries/invitations'
import { AppError } from '@/lib/errors'
import type { Role } from '@/lib/roles'
import { hashInvitationToken, isWellFormedInvitationToken } from './invitation-token'
import { invalidInvitationMessage } from './accept-invitation'

export interface InvitationPreview {
  workspaceId: string
  workspaceName: string
  role: Role
  invitedByName: string | null
  expiresAt: Date
  status: InvitationStatus
  /** Set when only this address may accept. */
  email: string | null
}

/**
 * What an invitation link leads to, for the page a signed-out visitor lands on. Holding the link is the credential,
 * so no actor is needed; unknown and malformed tokens get the same NOT_FOUND.
 */
export async function getInvitationPreview(params: { token: string }): Promise<InvitationPreview> {
  if (!isWellFormedInvitationToken(params.token)) throw new AppError('NOT_FOUND', { userMessage: invalidInvitationMessage })
  const db = await getDb()
  const [row] = await db
    .select({
      workspaceId: invitations.workspaceId,
      workspaceName: workspaces.name,
      role: invitations.role,
      inviterName: users.name,
      inviterEmail: users.email,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      email: invitations.email,
    })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.tokenHash, hashInvitationToken(params.token)))
    .limit(1)
  if (!row) throw new AppError('NOT_FOUND', { userMessage: invalidInvitationMessage })
  return {
    workspaceId: row.workspaceId,
    workspaceName: row.workspaceName,
    role: row.role,
    invitedByName: row.inviterName ?? row.inviterEmail,
    expiresAt: row.expiresAt,
    status: invitationStatus(row),
    email: row.email,
  }
}
