'use server'
// Withdraws a pending invitation link (owners).
import { revokeInvitationInput } from '@/lib/schemas/members'
import { revokeInvitation } from '@/server/services/members/revoke-invitation'
import { runAction } from '../run-action'

export async function revokeInvitationAction(input: unknown) {
  return runAction(revokeInvitationInput, input, (data, actor) => revokeInvitation({ ...data, actor }))
}
