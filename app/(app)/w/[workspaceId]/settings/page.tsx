// Workspace settings: the name (owners only; everyone else sees why it is read-only).
import type { Metadata } from 'next'
import { PageBody, PageHeader } from '@/components/layout/page-header'
import { loadWorkspace } from '@/app/_lib/loaders'
import { RenameWorkspaceForm } from './_components/rename-workspace-form'

export const metadata: Metadata = { title: 'Workspace settings' }

export default async function WorkspaceSettingsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params
  const { workspace } = await loadWorkspace(workspaceId)
  return (
    <PageBody narrow>
      <PageHeader level={2} title="Settings" description="Settings for this workspace and everyone in it." />
      <RenameWorkspaceForm workspaceId={workspace.id} name={workspace.name} canRename={workspace.role === 'owner'} />
    </PageBody>
  )
}
