'use client'

import { useRouter } from 'next/navigation'
import { useServerAction } from '@/components/forms/use-server-action'
import { Button } from '@/components/ui/button'
import { acceptInvitationAction } from '@/server/actions/members/accept-invitation'

export function AcceptInvitationButton({ token, workspaceName }: { token: string; workspaceName: string }) {
  const router = useRouter()
  const { run, pending } = useServerAction(acceptInvitationAction, {
    success: `You joined ${workspaceName}`,
    refresh: false,
    onSuccess: ({ workspaceId }) => router.push(`/w/${workspaceId}`),
  })
  return (
    <Button pending={pending} onClick={() => void run({ token })}>
      Accept and join {workspaceName}
    </Button>
  )
}
