import Link from 'next/link'
import { ArchivedBadge } from './archived-badge'
import { ProjectBadges } from './project-badges'
import type { ProjectFormat } from './project-format'

export interface ProjectCardData extends ProjectFormat {
  id: string
  name: string
  archivedAt: Date | string | null
  createdAt: Date | string
}

const dateFormat = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric' })

/** A project on the dashboard. The whole card is one link so it is one tab stop. */
export function ProjectCard({ project }: { project: ProjectCardData }) {
  const aspect = project.width / project.height
  return (
    <Link
      href={`/p/${project.id}`}
      aria-label={project.name}
      data-testid="project-card"
      className="group flex w-full flex-col overflow-hidden rounded-xl border border-border bg-card transition-colors hover:border-border-strong hover:bg-card-hover"
    >
      {/* A frame at the project's own aspect ratio: the board will show real panels here. */}
      <div className="flex h-32 items-center justify-center border-b border-border bg-surface">
        <div
          className="max-h-20 max-w-[70%] rounded-sm border border-border-strong/70 bg-background/60 transition-colors group-hover:border-primary/50"
          style={{ aspectRatio: String(aspect), height: aspect >= 1 ? 'auto' : '5rem', width: aspect >= 1 ? '9rem' : 'auto' }}
          aria-hidden
        />
      </div>
      <div className="flex flex-1 flex-col gap-3 p-4">
        <div className="flex items-start justify-between gap-2">
          <h3 className="truncate font-medium">{project.name}</h3>
          {project.archivedAt ? (
            <ArchivedBadge />
          ) : null}
        </div>
        <ProjectBadges project={project} showStart={false} />
        <p className="text-xs text-subtle-foreground">Created {dateFormat.format(new Date(project.createdAt))}</p>
      </div>
    </Link>
  )
}
