// Project settings: rename and archive. Viewers and commenters see the same page read-only, with the reason.
import type { Metadata } from 'next'
import { PageBody, PageHeader } from '@/components/layout/page-header'
import { roleAtLeast, roleLabels } from '@/lib/roles'
import { loadProject } from '@/app/_lib/loaders'
import { ArchiveProjectCard } from './_components/archive-project-card'
import { RenameProjectForm } from './_components/rename-project-form'

export const metadata: Metadata = { title: 'Project settings' }

export default async function ProjectSettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params
  const { project } = await loadProject(projectId)
  const canEdit = roleAtLeast(project.role, 'editor')
  const readOnlyReason = canEdit
    ? undefined
    : `You are a ${roleLabels[project.role].toLowerCase()} in ${project.workspaceName}; editors and owners can change project settings.`
  return (
    <PageBody narrow>
      <PageHeader level={2} title="Settings" description="Frame rate, resolution and start timecode are fixed when a project is created." />
      <RenameProjectForm projectId={project.id} name={project.name} readOnlyReason={readOnlyReason} />
      <ArchiveProjectCard projectId={project.id} archived={Boolean(project.archivedAt)} canEdit={canEdit} />
    </PageBody>
  )
}
