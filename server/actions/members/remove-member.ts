'use server'
// Removes a member (owners), or leaves the workspace when the member is the caller.
import { removeMemberInput } from '@/lib/schemas/members'
import { removeMember } from '@/server/services/members/remove-member'
import { runAction } from '../run-action'

export async function removeMemberAction(input: unknown) {
  return runAction(removeMemberInput, input, (data, actor) => removeMember({ ...data, actor }))
}
