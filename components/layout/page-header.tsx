import { cn } from '@/components/ui/cn'

interface PageHeaderProps {
  title: React.ReactNode
  description?: React.ReactNode
  /** Buttons on the right, e.g. "New project". */
  actions?: React.ReactNode
  /** 2 under a layout that already has the page's h1 (the project shell names the project). */
  level?: 1 | 2
  className?: string
}

export function PageHeader({ title, description, actions, level = 1, className }: PageHeaderProps) {
  const Heading = level === 1 ? 'h1' : 'h2'
  return (
    <div className={cn('flex flex-wrap items-end justify-between gap-4', className)}>
      <div className="flex min-w-0 flex-col gap-1">
        <Heading className={level === 1 ? 'truncate text-xl font-semibold tracking-tight' : 'truncate text-lg font-semibold tracking-tight'}>
          {title}
        </Heading>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
    </div>
  )
}

interface PageBodyProps extends React.ComponentProps<'main'> {
  /** A reading width for forms and feeds, still aligned with the header's left edge. */
  narrow?: boolean
}

/** Page content below the header, on the same grid as the header and tabs. */
export function PageBody({ className, narrow = false, children, ...props }: PageBodyProps) {
  return (
    <main className="mx-auto w-full max-w-6xl px-6 py-8" {...props}>
      <div className={cn('flex flex-col gap-8', narrow && 'max-w-3xl', className)}>{children}</div>
    </main>
  )
}
