// The project's review items: poster, latest version and its status, open notes; "New review" to start one.
import type { Metadata } from 'next'
import { Clapperboard } from 'lucide-react'
import { EmptyState } from '@/components/ui/empty-state'
import { roleAtLeast } from '@/lib/roles'
import { loadProject } from '@/app/_lib/loaders'
import { listReviewOverview } from '@/server/services/review/list-review-overview'
import { NewReviewDialog } from './_components/new-review-dialog'
import { ReviewItemCard } from './_components/review-item-card'

export const metadata: Metadata = { title: 'Review' }

export default async function ReviewListPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params
  const { actor, project } = await loadProject(projectId)
  const items = await listReviewOverview({ actor, projectId })
  const canCreate = roleAtLeast(project.role, 'editor') && !project.archivedAt
  return (
    <main className="mx-auto flex w-full max-w-6xl flex-col gap-6 px-6 py-8">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold tracking-tight">Review</h2>
          <p className="text-sm text-muted-foreground">Cuts and animatics with time-coded notes, versions and approvals.</p>
        </div>
        {canCreate ? <NewReviewDialog projectId={projectId} /> : null}
      </div>
      {items.length === 0 ? (
        <EmptyState
          icon={Clapperboard}
          title="Nothing to review yet"
          description={
            canCreate
              ? 'Start a review, upload a cut, and your team (or a client, through a share link) can leave notes on exact frames.'
              : 'When an editor uploads a cut for review it shows up here. Ask one to start a review.'
          }
          action={canCreate ? <NewReviewDialog projectId={projectId} /> : undefined}
        />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Review items">
          {items.map((item) => (
            <li key={item.id}>
              <ReviewItemCard projectId={projectId} item={item} />
            </li>
          ))}
        </ul>
      )}
    </main>
  )
}
