'use client'
// The side panel: notes of the version in frame order, filtered to open, resolved or all, with counts.
import { MessageSquareText } from 'lucide-react'
import type { ReactNode } from 'react'
import { cn } from '@/components/ui/cn'

export type CommentFilter = 'open' | 'resolved' | 'all'

export interface CommentPanelProps {
  filter: CommentFilter
  onFilterChange: (filter: CommentFilter) => void
  counts: Record<CommentFilter, number>
  loading: boolean
  /** The threads to show, already filtered. */
  children: ReactNode
  empty: boolean
  /** What to say when there is nothing, e.g. "Press C to leave the first note." */
  emptyHint: string
  className?: string
}

const filters: { id: CommentFilter; label: string }[] = [
  { id: 'open', label: 'Open' },
  { id: 'resolved', label: 'Resolved' },
  { id: 'all', label: 'All' },
]

export function CommentPanel({ filter, onFilterChange, counts, loading, children, empty, emptyHint, className }: CommentPanelProps) {
  return (
    <section aria-label="Comments" className={cn('flex min-h-0 flex-col gap-3', className)}>
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">Comments</h2>
        <div role="tablist" aria-label="Show comments" className="inline-flex rounded-lg border border-border bg-muted p-0.5">
          {filters.map((option) => (
            <button
              key={option.id}
              type="button"
              role="tab"
              aria-selected={filter === option.id}
              onClick={() => onFilterChange(option.id)}
              className={cn(
                'rounded-md px-2.5 py-1 text-xs font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-primary/40',
                filter === option.id ? 'bg-background text-foreground shadow-sm' : 'text-muted-foreground hover:text-foreground',
              )}
            >
              {option.label} <span className="tabular-nums text-muted-foreground">{counts[option.id]}</span>
            </button>
          ))}
        </div>
      </div>
      <div className="flex min-h-0 flex-1 flex-col gap-2 overflow-y-auto pr-1" data-testid="comment-list">
        {loading && empty ? (
          <div className="flex flex-col gap-2" aria-busy>
            {[0, 1, 2].map((index) => (
              <div key={index} className="h-20 animate-pulse rounded-xl bg-muted" />
            ))}
          </div>
        ) : empty ? (
          <div className="flex flex-col items-center gap-2 rounded-xl border border-dashed border-border px-4 py-10 text-center">
            <MessageSquareText aria-hidden className="size-5 text-muted-foreground" />
            <p className="text-sm font-medium">{filter === 'resolved' ? 'Nothing resolved yet' : filter === 'open' && counts.all > 0 ? 'All notes are resolved' : 'No comments yet'}</p>
            <p className="max-w-60 text-xs text-muted-foreground">{emptyHint}</p>
          </div>
        ) : (
          children
        )}
      </div>
    </section>
  )
}
