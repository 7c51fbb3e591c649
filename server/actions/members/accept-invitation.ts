'use server'
// Joins the workspace an invitation link points to, as the signed-in user.
import { acceptInvitationInput } from '@/lib/schemas/members'
import { acceptInvitation } from '@/server/services/members/accept-invitation'
import { runAction } from '../run-action'

export async function acceptInvitationAction(input: unknown) {
  return runAction(acceptInvitationInput, input, (data, actor) => acceptInvitation({ ...data, actor }))
}
