// The project shell: breadcrumbs back to the workspace, the project's format, and tabs for the features that
// exist today. Tabs for review and the animatic are added when those features land, not before.
import Link from 'next/link'
import { ChevronRight } from 'lucide-react'
import { TabNav } from '@/components/layout/tab-nav'
import { ArchivedBadge } from '@/components/projects/archived-badge'
import { ProjectBadges } from '@/components/projects/project-badges'
import { Badge } from '@/components/ui/badge'
import { roleLabels } from '@/lib/roles'
import { loadMyWorkspaces, loadProject } from '@/app/_lib/loaders'
import { AppTopBar } from '../../_components/app-top-bar'

export default async function ProjectLayout({ params, children }: { params: Promise<{ projectId: string }>; children: React.ReactNode }) {
  const { projectId } = await params
  const { actor, project } = await loadProject(projectId)
  const workspaces = await loadMyWorkspaces(`/p/${projectId}`)
  const base = `/p/${project.id}`
  return (
    <div className="flex min-h-screen flex-col">
      <AppTopBar actor={actor} workspaces={workspaces} currentWorkspaceId={project.workspaceId} />
      <div className="border-b border-border bg-surface/40">
        <div className="mx-auto flex w-full max-w-6xl flex-col gap-4 px-6 pt-6">
          <nav aria-label="Breadcrumb">
            <ol className="flex items-center gap-1.5 text-sm text-muted-foreground">
              <li>
                <Link href={`/w/${project.workspaceId}`} className="rounded-sm hover:text-foreground">
                  {project.workspaceName}
                </Link>
              </li>
              <li aria-hidden>
                <ChevronRight className="size-3.5" />
              </li>
              <li aria-current="page" className="truncate text-foreground">
                {project.name}
              </li>
            </ol>
          </nav>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div className="flex min-w-0 items-center gap-3">
              <h1 className="truncate text-2xl font-semibold tracking-tight">{project.name}</h1>
              {project.archivedAt ? (
                <ArchivedBadge />
              ) : null}
            </div>
            <div className="flex items-center gap-3">
              <ProjectBadges project={project} />
              <Badge variant="outline" title="Your role in this workspace">
                {roleLabels[project.role]}
              </Badge>
            </div>
          </div>
          <TabNav
            label="Project"
            items={[
              { href: base, label: 'Overview', exact: true },
              { href: `${base}/board`, label: 'Board' },
              { href: `${base}/shots`, label: 'Shot list' },
              { href: `${base}/review`, label: 'Review' },
              { href: `${base}/animatic`, label: 'Animatic' },
              { href: `${base}/activity`, label: 'Activity' },
              { href: `${base}/disclosure`, label: 'Disclosure' },
              { href: `${base}/settings`, label: 'Settings' },
            ]}
          />
        </div>
      </div>
      {children}
    </div>
  )
}
