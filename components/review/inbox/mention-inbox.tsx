'use client'
// The @mention inbox: notes that name you, unread first, each linking to its frame; opening one marks it read.
import type { MentionInboxEntry } from '@/lib/review/review-views'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { AtSign, CheckCheck } from 'lucide-react'
import { toast } from 'sonner'
import { rangeLabel, versionClock } from '@/components/review/review-room/room-clock'
import { whenLabel } from '@/components/review/versions/when-label'
import { Avatar } from '@/components/ui/avatar'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { EmptyState } from '@/components/ui/empty-state'
import type { ActionResult } from '@/lib/action-result'
import { CommentBody } from '@/components/review/comments/comment-body'

export type InboxMention = MentionInboxEntry

export interface MentionInboxProps {
  mentions: InboxMention[]
  markRead: (input: { commentIds?: string[] }) => Promise<ActionResult<{ marked: number }>>
}

export function MentionInbox({ mentions, markRead }: MentionInboxProps) {
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const [readNow, setReadNow] = useState<Set<string>>(new Set())
  const unread = mentions.filter((mention) => mention.readAt === null && !readNow.has(mention.commentId)).length

  function markAll() {
    startTransition(async () => {
      const result = await markRead({})
      if (!result.ok) return void toast.error(result.error.message)
      setReadNow(new Set(mentions.map((mention) => mention.commentId)))
      router.refresh()
    })
  }

  if (mentions.length === 0) {
    return (
      <EmptyState
        icon={AtSign}
        title="No mentions yet"
        description="When someone writes @ and your name in a review comment, it lands here with a link to the exact frame."
      />
    )
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground" data-testid="inbox-summary">
          {unread === 0 ? 'All caught up.' : `${unread} unread`}
        </p>
        <Button variant="secondary" size="sm" onClick={markAll} pending={pending} disabled={unread === 0}>
          <CheckCheck aria-hidden /> Mark all read
        </Button>
      </div>
      <ul className="flex flex-col gap-2" aria-label="Mentions">
        {mentions.map((mention) => {
          const isUnread = mention.readAt === null && !readNow.has(mention.commentId)
          const clock = versionClock({ rate: mention.timing.rate }, mention.timing)
          return (
            <li key={mention.commentId}>
              <Link
                href={`/p/${mention.projectId}/review/${mention.reviewItemId}?v=${mention.versionNumber}&c=${encodeURIComponent(mention.commentId)}`}
                onClick={() => {
                  if (!isUnread) return
                  setReadNow((current) => new Set(current).add(mention.commentId))
                  void markRead({ commentIds: [mention.commentId] })
                }}
                data-unread={isUnread || undefined}
                className={cn(
                  'flex gap-3 rounded-xl border p-3 transition-colors hover:border-border-strong focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-primary/40',
                  isUnread ? 'border-primary/40 bg-primary/5' : 'border-border bg-surface',
                )}
              >
                <Avatar name={mention.authorName} className="size-8" />
                <div className="flex min-w-0 flex-1 flex-col gap-1">
                  <div className="flex flex-wrap items-center gap-x-2 text-xs text-muted-foreground">
                    <span className="font-medium text-foreground">{mention.authorName}</span>
                    <span>
                      in {mention.projectName} · {mention.reviewItemTitle} v{mention.versionNumber}
                    </span>
                    <span className="rounded bg-muted px-1.5 font-mono text-[11px] text-foreground">{rangeLabel({ frameIn: mention.frameIn, frameOut: null }, clock)}</span>
                    <span className="ml-auto">{whenLabel(mention.createdAt)}</span>
                    {isUnread ? <span className="size-2 rounded-full bg-primary" aria-label="Unread" /> : null}
                  </div>
                  <CommentBody body={mention.body} />
                </div>
              </Link>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
