import { Lock } from 'lucide-react'

/** The one-line reason every control on the page is disabled. */
export function ReadOnlyNote({ reason }: { reason: string }) {
  return (
    <p className="flex items-center gap-2 rounded-md border border-border bg-muted/40 px-3 py-2 text-xs text-muted-foreground" data-testid="read-only-reason">
      <Lock className="size-3.5" aria-hidden />
      {reason}
    </p>
  )
}
