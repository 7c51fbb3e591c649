'use server'
// Creates an invitation link for a role, optionally for one email (owners); the link is shown once.
import { createInvitationInput } from '@/lib/schemas/members'
import { createInvitation } from '@/server/services/members/create-invitation'
import { runAction } from '../run-action'

export async function createInvitationAction(input: unknown) {
  return runAction(createInvitationInput, input, (data, actor) => createInvitation({ ...data, actor }))
}
