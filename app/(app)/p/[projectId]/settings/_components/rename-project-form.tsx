'use client'

import { NameSettingForm } from '@/components/forms/name-setting-form'
import { useServerAction } from '@/components/forms/use-server-action'
import { renameProjectAction } from '@/server/actions/projects/rename-project'

export function RenameProjectForm({ projectId, name, readOnlyReason }: { projectId: string; name: string; readOnlyReason?: string }) {
  const { run, pending, fieldErrors } = useServerAction(renameProjectAction, { success: 'Project renamed' })
  return (
    <NameSettingForm
      id="project-name"
      title="Project name"
      description="How the project appears on the dashboard, in exports and in review links."
      label="Name"
      initialName={name}
      readOnlyReason={readOnlyReason}
      pending={pending}
      errors={fieldErrors.name}
      onSubmit={(next) => void run({ projectId, name: next })}
    />
  )
}
