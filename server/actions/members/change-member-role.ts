'use server'
// Changes a member's role (owners); the last owner cannot be demoted.
import { changeMemberRoleInput } from '@/lib/schemas/members'
import { changeMemberRole } from '@/server/services/members/change-member-role'
import { runAction } from '../run-action'

export async function changeMemberRoleAction(input: unknown) {
  return runAction(changeMemberRoleInput, input, (data, actor) => changeMemberRole({ ...data, actor }))
}
