'use client'

import { useState } from 'react'
import { toast } from 'sonner'
import { useServerAction } from '@/components/forms/use-server-action'
import { RoleSelect } from '@/components/members/role-select'
import { roleLabels, type Role } from '@/lib/roles'
import { changeMemberRoleAction } from '@/server/actions/members/change-member-role'

const withArticle = (role: Role) => `${role === 'owner' || role === 'editor' ? 'an' : 'a'} ${roleLabels[role].toLowerCase()}`

/** An owner's role picker for one member; the change is saved as soon as it is picked. */
export function MemberRoleControl({ workspaceId, userId, name, role }: { workspaceId: string; userId: string; name: string; role: Role }) {
  // Shown immediately and put back if the server refuses, so the select never lies for long.
  const [value, setValue] = useState(role)
  const { run, pending } = useServerAction(changeMemberRoleAction)
  return (
    <RoleSelect
      value={value}
      disabled={pending}
      className="h-8 w-36"
      aria-label={`Role of ${name}`}
      onValueChange={async (next) => {
        if (next === value) return
        const previous = value
        setValue(next)
        const result = await run({ workspaceId, userId, role: next })
        if (result.ok) toast.success(`${name} is now ${withArticle(next)}`)
        else setValue(previous)
      }}
    />
  )
}
