// What happened to this project, newest first.
import type { Metadata } from 'next'
import { ActivityFeed } from '@/components/activity/activity-feed'
import { PageBody, PageHeader } from '@/components/layout/page-header'
import { listActivity } from '@/server/services/activity/list-activity'
import { loadProject } from '@/app/_lib/loaders'

export const metadata: Metadata = { title: 'Project activity' }

export default async function ProjectActivityPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params
  const { actor, project } = await loadProject(projectId)
  const items = await listActivity({ actor, workspaceId: project.workspaceId, projectId: project.id })
  return (
    <PageBody narrow>
      <PageHeader level={2} title="Activity" description="Changes to this project, newest first. Membership changes are on the workspace’s activity page." />
      <ActivityFeed items={items} linkProjects={false} />
    </PageBody>
  )
}
