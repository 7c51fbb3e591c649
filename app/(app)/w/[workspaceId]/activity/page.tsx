// Everything that happened in the workspace, newest first.
import type { Metadata } from 'next'
import { ActivityFeed } from '@/components/activity/activity-feed'
import { PageBody, PageHeader } from '@/components/layout/page-header'
import { listActivity } from '@/server/services/activity/list-activity'
import { loadWorkspace } from '@/app/_lib/loaders'

export const metadata: Metadata = { title: 'Activity' }

export default async function WorkspaceActivityPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params
  const { actor, workspace } = await loadWorkspace(workspaceId)
  const items = await listActivity({ actor, workspaceId: workspace.id })
  return (
    <PageBody narrow>
      <PageHeader level={2} title="Activity" description="Who did what in this workspace, newest first." />
      <ActivityFeed items={items} />
    </PageBody>
  )
}
