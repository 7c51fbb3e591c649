import type { LucideIcon } from 'lucide-react'
import { cn } from './cn'

interface EmptyStateProps extends Omit<React.ComponentProps<'div'>, 'title'> {
  icon: LucideIcon
  title: React.ReactNode
  description: React.ReactNode
  /** What the reader can do next, if anything; omit rather than show a button that does nothing. */
  action?: React.ReactNode
}

export function EmptyState({ icon: Icon, title, description, action, className, ...props }: EmptyStateProps) {
  return (
    <div
      className={cn(
        'flex flex-col items-center justify-center gap-3 rounded-xl border border-dashed border-border px-6 py-14 text-center',
        className,
      )}
      {...props}
    >
      <div className="flex size-11 items-center justify-center rounded-full border border-border bg-muted">
        <Icon className="size-5 text-muted-foreground" aria-hidden />
      </div>
      <h2 className="text-base font-semibold">{title}</h2>
      <div className="max-w-md text-sm text-muted-foreground">{description}</div>
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  )
}
