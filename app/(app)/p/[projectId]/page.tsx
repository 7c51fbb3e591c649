// A project's overview. The board, shot list and review are not built yet; the page says so plainly and
// offers nothing that does not work.
import type { Metadata } from 'next'
import { Clapperboard, Film, ListChecks, MessageSquareText } from 'lucide-react'
import { PageBody } from '@/components/layout/page-header'
import { frameRateOf, resolutions } from '@/lib/frame-rates'
import { loadProject } from '@/app/_lib/loaders'

export async function generateMetadata({ params }: { params: Promise<{ projectId: string }> }): Promise<Metadata> {
  const { projectId } = await params
  const { project } = await loadProject(projectId)
  return { title: project.name }
}

const upcoming = [
  { icon: Clapperboard, title: 'Storyboard', text: 'Draw panels, order them into shots and scenes, and time them — live with your team.' },
  { icon: ListChecks, title: 'Shot list', text: 'Size, angle, movement, lens and status for every shot, always in step with the board.' },
  { icon: MessageSquareText, title: 'Review', text: 'Upload a cut or animatic and collect frame-accurate notes from the team and clients.' },
]

const created = new Intl.DateTimeFormat('en', { dateStyle: 'long' })

export default async function ProjectOverviewPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params
  const { project } = await loadProject(projectId)
  const rate = frameRateOf(project)
  const preset = resolutions.find((r) => r.width === project.width && r.height === project.height)
  return (
    <PageBody className="grid gap-8 lg:grid-cols-[1fr_20rem]">
      <section aria-labelledby="coming-heading" className="flex flex-col gap-4 rounded-xl border border-dashed border-border p-8">
        <div className="flex size-11 items-center justify-center rounded-full border border-border bg-muted">
          <Film className="size-5 text-muted-foreground" aria-hidden />
        </div>
        <div className="flex flex-col gap-1.5">
          <h2 id="coming-heading" className="text-lg font-semibold">
            This project is set up and ready
          </h2>
          <p className="max-w-xl text-sm text-muted-foreground">
            Its frame rate and resolution are fixed, so everything added later lines up to the frame. The tools below
            are being built and will appear in this project as they are ready — nothing to do here yet.
          </p>
        </div>
        <ul className="mt-2 grid gap-3 sm:grid-cols-3">
          {upcoming.map(({ icon: Icon, title, text }) => (
            <li key={title} className="flex flex-col gap-2 rounded-lg border border-border bg-card p-4">
              <div className="flex items-center gap-2">
                <Icon className="size-4 text-muted-foreground" aria-hidden />
                <h3 className="text-sm font-medium">{title}</h3>
                <span className="ml-auto text-[11px] uppercase tracking-wider text-subtle-foreground">Coming</span>
              </div>
              <p className="text-xs leading-relaxed text-muted-foreground">{text}</p>
            </li>
          ))}
        </ul>
      </section>
      <aside aria-labelledby="format-heading" className="flex h-fit flex-col gap-4 rounded-xl border border-border bg-card p-5">
        <h2 id="format-heading" className="text-sm font-semibold">
          Format
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-3 text-sm [&_dd]:whitespace-nowrap">
          <dt className="text-muted-foreground">Frame rate</dt>
          <dd className="text-right tabular">{rate.label}</dd>
          <dt className="text-muted-foreground">Resolution</dt>
          <dd className="text-right tabular">
            {project.width} × {project.height}
            {preset ? <span className="block text-xs text-subtle-foreground">{preset.label.replace(/\s[\d ×]+/, ' ')}</span> : null}
          </dd>
          <dt className="text-muted-foreground">Start timecode</dt>
          <dd className="text-right font-mono tabular">{project.startTimecode}</dd>
          <dt className="text-muted-foreground">Created</dt>
          <dd className="text-right">{created.format(new Date(project.createdAt))}</dd>
        </dl>
      </aside>
    </PageBody>
  )
}
