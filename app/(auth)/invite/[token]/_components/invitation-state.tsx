import Link from 'next/link'
import type { LucideIcon } from 'lucide-react'
import { Button } from '@/components/ui/button'

interface InvitationStateProps {
  icon: LucideIcon
  title: string
  description: string
  action: { href: string; label: string }
}

/** Why an invitation link cannot be used, and the one sensible next step. */
export function InvitationState({ icon: Icon, title, description, action }: InvitationStateProps) {
  return (
    <div className="flex flex-col items-center gap-4 text-center" data-testid="invitation-state">
      <div className="flex size-12 items-center justify-center rounded-full border border-border bg-muted">
        <Icon className="size-5 text-muted-foreground" aria-hidden />
      </div>
      <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
      <p className="text-sm text-muted-foreground">{description}</p>
      <Button asChild variant="secondary" className="mt-2">
        <Link href={action.href}>{action.label}</Link>
      </Button>
    </div>
  )
}
