// One review item in the list: poster, title, latest version with its status, open notes, length.
import Link from 'next/link'
import { Film, Loader2, MessageSquare, TriangleAlert } from 'lucide-react'
import { VersionStatusBadge } from '@/components/review/versions/version-status-badge'
import { whenLabel } from '@/components/review/versions/when-label'
import { formatDuration } from '@/lib/timecode'
import type { ReviewOverviewItem } from '@/server/services/review/list-review-overview'

export function ReviewItemCard({ projectId, item }: { projectId: string; item: ReviewOverviewItem }) {
  const { latest } = item
  return (
    <Link
      href={`/p/${projectId}/review/${item.id}`}
      className="group flex flex-col overflow-hidden rounded-xl border border-border bg-surface transition-colors hover:border-border-strong focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-primary/40"
      data-testid="review-item-card"
    >
      <div className="relative aspect-video w-full bg-black">
        {latest?.posterUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- an authenticated media route, not a static asset
          <img src={latest.posterUrl} alt="" className="size-full object-contain" loading="lazy" />
        ) : (
          <div className="flex size-full items-center justify-center text-muted-foreground">
            {latest && latest.processing !== 'ready' && latest.processing !== 'failed' ? <Loader2 aria-hidden className="size-6 animate-spin" /> : <Film aria-hidden className="size-7" />}
          </div>
        )}
        {latest ? (
          <span className="absolute bottom-2 right-2 rounded bg-black/75 px-1.5 py-0.5 font-mono text-[11px] text-white tabular-nums">
            {formatDuration(latest.frameCount, latest.rate)}
          </span>
        ) : null}
      </div>
      <div className="flex flex-col gap-2 p-3">
        <div className="flex items-center justify-between gap-2">
          <h3 className="truncate font-medium group-hover:text-foreground">{item.title}</h3>
          {latest ? <span className="shrink-0 text-xs font-semibold text-muted-foreground">v{latest.number}</span> : null}
        </div>
        {latest ? (
          <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
            <VersionStatusBadge status={latest.status} />
            <span className="inline-flex items-center gap-1" title="Open notes on the latest version">
              <MessageSquare aria-hidden className="size-3.5" />
              <span data-testid="open-comments">{latest.openComments}</span> open
            </span>
            {latest.processing === 'failed' ? (
              <span className="inline-flex items-center gap-1 text-destructive">
                <TriangleAlert aria-hidden className="size-3.5" /> processing failed
              </span>
            ) : null}
            <span className="ml-auto">{whenLabel(latest.createdAt)}</span>
          </div>
        ) : (
          <p className="text-xs text-muted-foreground">No version yet: open it to upload the first cut.</p>
        )}
      </div>
    </Link>
  )
}
