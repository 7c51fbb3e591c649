'use client'

import { NameSettingForm } from '@/components/forms/name-setting-form'
import { useServerAction } from '@/components/forms/use-server-action'
import { renameWorkspaceAction } from '@/server/actions/workspaces/rename-workspace'

export function RenameWorkspaceForm({ workspaceId, name, canRename }: { workspaceId: string; name: string; canRename: boolean }) {
  const { run, pending, fieldErrors } = useServerAction(renameWorkspaceAction, { success: 'Workspace renamed' })
  return (
    <NameSettingForm
      id="workspace-name"
      title="Workspace name"
      description="Shown to everyone in the workspace and on invitation links."
      label="Name"
      initialName={name}
      readOnlyReason={canRename ? undefined : 'Only owners can rename the workspace.'}
      pending={pending}
      errors={fieldErrors.name}
      onSubmit={(next) => void run({ workspaceId, name: next })}
    />
  )
}
