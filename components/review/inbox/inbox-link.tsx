// The inbox in the top bar: a bell with the number of unread @mentions.
import Link from 'next/link'
import { Bell } from 'lucide-react'
import { cn } from '@/components/ui/cn'

export function InboxLink({ unread, className }: { unread: number; className?: string }) {
  const label = unread === 0 ? 'Inbox' : `Inbox, ${unread} unread mention${unread === 1 ? '' : 's'}`
  return (
    <Link
      href="/inbox"
      aria-label={label}
      title={label}
      className={cn('relative inline-flex size-9 items-center justify-center rounded-md text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-primary/40', className)}
    >
      <Bell aria-hidden className="size-4" />
      {unread > 0 ? (
        <span data-testid="inbox-unread" className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-primary px-1 text-center text-[10px] font-semibold leading-4 text-primary-foreground tabular-nums">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  )
}
