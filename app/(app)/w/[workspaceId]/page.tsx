// The workspace dashboard: its projects as cards, and a way to start one for those who may.
import type { Metadata } from 'next'
import { Clapperboard } from 'lucide-react'
import { PageBody, PageHeader } from '@/components/layout/page-header'
import { ProjectCard } from '@/components/projects/project-card'
import { EmptyState } from '@/components/ui/empty-state'
import { roleAtLeast } from '@/lib/roles'
import { listProjects } from '@/server/services/projects/list-projects'
import { loadWorkspace } from '@/app/_lib/loaders'
import { NewProjectDialog } from './_components/new-project-dialog'

export const metadata: Metadata = { title: 'Projects' }

export default async function WorkspaceDashboardPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params
  const { actor, workspace } = await loadWorkspace(workspaceId)
  const projects = await listProjects({ actor, workspaceId: workspace.id, includeArchived: true })
  const active = projects.filter((p) => !p.archivedAt)
  const archived = projects.filter((p) => p.archivedAt)
  const canCreate = roleAtLeast(workspace.role, 'editor')
  const newProject = canCreate ? <NewProjectDialog workspaceId={workspace.id} /> : null

  return (
    <PageBody>
      <PageHeader
        level={2}
        title="Projects"
        description={active.length === 0 ? undefined : active.length === 1 ? '1 project' : `${active.length} projects`}
        actions={active.length > 0 ? newProject : null}
      />
      {active.length === 0 ? (
        <EmptyState
          icon={Clapperboard}
          title="No projects yet"
          description={
            canCreate
              ? 'A project holds one film: its board, shot list and reviews. Create one and choose the frame rate and resolution you will deliver at — timecode everywhere follows them.'
              : 'Editors and owners create projects here; as soon as they do, you will see them. Your role lets you read everything.'
          }
          action={newProject}
        />
      ) : (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Projects">
          {active.map((project) => (
            <li key={project.id} className="flex">
              <ProjectCard project={project} />
            </li>
          ))}
        </ul>
      )}
      {archived.length > 0 ? (
        <details className="group flex flex-col gap-4">
          <summary className="w-fit cursor-pointer rounded-md text-sm font-medium text-muted-foreground hover:text-foreground">
            Archived ({archived.length})
          </summary>
          <ul className="mt-4 grid grid-cols-1 gap-4 opacity-80 sm:grid-cols-2 lg:grid-cols-3" aria-label="Archived projects">
            {archived.map((project) => (
              <li key={project.id} className="flex">
                <ProjectCard project={project} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </PageBody>
  )
}
