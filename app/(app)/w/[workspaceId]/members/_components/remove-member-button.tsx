'use client'

import { UserMinus } from 'lucide-react'
import { useServerAction } from '@/components/forms/use-server-action'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { removeMemberAction } from '@/server/actions/members/remove-member'

export function RemoveMemberButton({ workspaceId, userId, name, workspaceName }: { workspaceId: string; userId: string; name: string; workspaceName: string }) {
  const { run, pending } = useServerAction(removeMemberAction, { success: `${name} was removed` })
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="icon" aria-label={`Remove ${name}`} title={`Remove ${name}`}>
          <UserMinus aria-hidden />
        </Button>
      }
      title={`Remove ${name}?`}
      description={`They lose access to ${workspaceName} and all its projects right away. You can invite them again later.`}
      confirmLabel="Remove member"
      destructive
      pending={pending}
      onConfirm={async () => (await run({ workspaceId, userId })).ok}
    />
  )
}
