import { cn } from '@/components/ui/cn'

interface PageHeaderProps {
  title: React.ReactNode
  description?: React.ReactNode
  /** Buttons on the right, e.g. "New project". */
  actions?: React.ReactNode
  className?: string
}

export function PageHeader({ title, description, actions, className }: PageHeaderProps) {
  return (
    <div className={cn('flex flex-wrap items-end justify-between gap-4', className)}>
      <div className="flex min-w-0 flex-col gap-1">
        <h1 className="truncate text-xl font-semibold tracking-tight">{title}</h1>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
    </div>
  )
}

/** Centers page content at a readable width below the app header. */
export function PageBody({ className, ...props }: React.ComponentProps<'main'>) {
  return <main className={cn('mx-auto flex w-full max-w-6xl flex-col gap-8 px-6 py-8', className)} {...props} />
}
