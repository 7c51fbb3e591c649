import { getDb } from '@/db'
import { invitations } from '@/db/schema'
import { insertActivity } from '@/db/queries/activity'
import { AppError } from '@/lib/errors'
import type { Role } from '@/lib/roles'
import { invitationExpiry } from '@/lib/schemas/members'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { generateInvitationToken, invitationUrl } from './invitation-token'

const dayMs = 24 * 60 * 60 * 1000

/** Owners only. Returns the link once: only its hash is stored, so a lost link means a new invitation. */
export async function createInvitation(params: {
  actor: Actor | null
  workspaceId: string
  role: Role
  email?: string
  expiresInDays?: number
}): Promise<{ invitationId: string; url: string; expiresAt: Date }> {
  const actor = requireSignedIn(params.actor)
  const { workspaceId } = await requireRole(actor, { workspaceId: params.workspaceId }, 'owner')
  const days = params.expiresInDays ?? invitationExpiry.defaultDays
  if (!Number.isInteger(days) || days < invitationExpiry.minDays || days > invitationExpiry.maxDays) {
    throw new AppError('BAD_REQUEST', { userMessage: `An invitation lasts between ${invitationExpiry.minDays} and ${invitationExpiry.maxDays} days.` })
  }
  const email = params.email?.trim().toLowerCase() || null
  const { token, tokenHash } = generateInvitationToken()
  const expiresAt = new Date(Date.now() + days * dayMs)
  const db = await getDb()
  const invitationId = await db.transaction(async (tx) => {
    const [invitation] = await tx
      .insert(invitations)
      .values({ workspaceId, tokenHash, role: params.role, email, invitedBy: actor.userId, expiresAt })
      .returning({ id: invitations.id })
    if (!invitation) throw new Error('invitation insert returned no row')
    await insertActivity(tx, {
      workspaceId,
      actorId: actor.userId,
      kind: 'member.invited',
      data: { invitationId: invitation.id, role: params.role, email, expiresAt: expiresAt.toISOString() },
    })
    return invitation.id
  })
  return { invitationId, url: invitationUrl(token), expiresAt }
}
