import { eq } from 'drizzle-orm'
import { invitations } from '../schema'
import type { Executor } from './executor'

export type InvitationRow = typeof invitations.$inferSelect

/** The invitation whose link token hashes to tokenHash; locked for the transaction when forUpdate is set. */
export async function findInvitationByTokenHash(db: Executor, tokenHash: string, options: { forUpdate?: boolean } = {}): Promise<InvitationRow | null> {
  const query = db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash)).limit(1)
  const [row] = options.forUpdate ? await query.for('update') : await query
  return row ?? null
}

export type InvitationStatus = 'valid' | 'expired' | 'accepted' | 'revoked'

/** Used beats revoked beats expired: the most final fact about an invitation is the one worth telling. */
export function invitationStatus(row: Pick<InvitationRow, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now = new Date()): InvitationStatus {
  if (row.acceptedAt) return 'accepted'
  if (row.revokedAt) return 'revoked'
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired'
  return 'valid'
}
