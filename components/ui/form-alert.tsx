import { CircleAlert } from 'lucide-react'
import { cn } from './cn'

/** A message about the whole form that stays put (a toast fades; the reason a sign-in failed should not). */
export function FormAlert({ children, className }: { children: React.ReactNode; className?: string }) {
  return (
    <div role="alert" className={cn('flex items-start gap-2 rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 text-sm text-foreground', className)}>
      <CircleAlert className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />
      <div>{children}</div>
    </div>
  )
}
