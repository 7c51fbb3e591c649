'use client'
// The board's view of the latest animatic's notes: a badge on each panel with open notes, linking to the review room
// at the first of them. The page loads the counts and provides them here, so panel cards stay free of data access.
import { MessageSquare } from 'lucide-react'
import Link from 'next/link'
import { createContext, useContext, type ReactNode } from 'react'
import { cn } from '@/components/ui/cn'

export interface PanelCommentCounts {
  reviewItemId: string
  versionNumber: number
  byPanel: Record<string, { open: number; firstCommentId: string }>
}

const PanelCommentsContext = createContext<{ projectId: string; counts: PanelCommentCounts } | null>(null)

export function PanelCommentsProvider({ projectId, counts, children }: { projectId: string; counts: PanelCommentCounts | null; children: ReactNode }) {
  if (!counts) return children
  return <PanelCommentsContext.Provider value={{ projectId, counts }}>{children}</PanelCommentsContext.Provider>
}

/** Nothing when the panel has no open notes on the latest animatic (or nothing was rendered yet). */
export function PanelCommentBadge({ panelId, className }: { panelId: string; className?: string }) {
  const context = useContext(PanelCommentsContext)
  const entry = context?.counts.byPanel[panelId]
  if (!context || !entry) return null
  const { projectId, counts } = context
  const notes = `${entry.open} open ${entry.open === 1 ? 'note' : 'notes'} on animatic v${counts.versionNumber}`
  return (
    <Link
      href={`/p/${projectId}/review/${counts.reviewItemId}?v=${counts.versionNumber}&c=${entry.firstCommentId}`}
      title={notes}
      aria-label={notes}
      data-testid="panel-comment-badge"
      className={cn(
        'inline-flex items-center gap-1 rounded-full bg-primary px-2 py-0.5 text-[11px] font-semibold text-primary-foreground shadow-sm hover:bg-primary/90 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-primary/40',
        className,
      )}
    >
      <MessageSquare aria-hidden className="size-3" />
      {entry.open}
    </Link>
  )
}
