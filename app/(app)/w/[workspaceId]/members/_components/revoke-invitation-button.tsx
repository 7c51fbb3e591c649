'use client'

import { useServerAction } from '@/components/forms/use-server-action'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { revokeInvitationAction } from '@/server/actions/members/revoke-invitation'

export function RevokeInvitationButton({ workspaceId, invitationId, who }: { workspaceId: string; invitationId: string; who: string }) {
  const { run, pending } = useServerAction(revokeInvitationAction, { success: 'Invitation revoked' })
  return (
    <ConfirmDialog
      trigger={
        <Button variant="destructive-ghost" size="sm" aria-label={`Revoke invitation for ${who}`}>
          Revoke
        </Button>
      }
      title="Revoke this invitation?"
      description={`The link for ${who} stops working at once. Anyone who already joined keeps their access.`}
      confirmLabel="Revoke invitation"
      destructive
      pending={pending}
      onConfirm={async () => (await run({ workspaceId, invitationId })).ok}
    />
  )
}
