import { History } from 'lucide-react'
import Link from 'next/link'
import { Avatar } from '@/components/ui/avatar'
import { EmptyState } from '@/components/ui/empty-state'
import { describeActivity, type ActivityItem } from './describe-activity'

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })
const absolute = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' })

function timeAgo(date: Date, now: Date): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000)
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['second', 60],
    ['minute', 60],
    ['hour', 24],
    ['day', 7],
    ['week', 4.35],
    ['month', 12],
  ]
  let value = seconds
  for (const [unit, size] of steps) {
    if (Math.abs(value) < size) return unit === 'second' && Math.abs(value) < 45 ? 'just now' : relative.format(Math.round(value), unit)
    value /= size
  }
  return relative.format(Math.round(value), 'year')
}

interface ActivityFeedProps {
  items: ActivityItem[]
  /** Link project names to their project (off on a project's own feed, where it would link to itself). */
  linkProjects?: boolean
}

export function ActivityFeed({ items, linkProjects = true }: ActivityFeedProps) {
  if (items.length === 0) {
    return (
      <EmptyState
        icon={History}
        title="Nothing has happened yet"
        description="Projects created, people invited and roles changed will show up here, newest first."
      />
    )
  }
  const now = new Date()
  return (
    <ol className="flex flex-col rounded-xl border border-border bg-card" aria-label="Activity">
      {items.map((item) => {
        const at = new Date(item.createdAt)
        const actor = item.actorName ?? 'Someone'
        return (
          <li key={item.id} className="flex items-start gap-3 border-b border-border px-4 py-3 last:border-b-0" data-testid="activity-item">
            <Avatar name={actor} className="mt-0.5 size-7 text-[10px]" />
            <div className="flex min-w-0 flex-1 flex-col gap-0.5 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
              <p className="text-sm text-muted-foreground">
                <span className="font-medium text-foreground">{actor}</span> {describeActivity(item)}
                {linkProjects && item.projectId && !item.kind.startsWith('project.') ? (
                  <>
                    {' '}in{' '}
                    <Link href={`/p/${item.projectId}`} className="text-foreground underline-offset-4 hover:underline">
                      {item.projectName ?? 'a project'}
                    </Link>
                  </>
                ) : null}
              </p>
              <time dateTime={at.toISOString()} title={absolute.format(at)} className="shrink-0 text-xs text-subtle-foreground tabular">
                {timeAgo(at, now)}
              </time>
            </div>
          </li>
        )
      })}
    </ol>
  )
}
