import { Clock, Link2Off, type LucideIcon } from 'lucide-react'

export type GuestLinkStateKind = 'missing' | 'revoked' | 'expired'

const states: Record<GuestLinkStateKind, { icon: LucideIcon; title: string; description: string }> = {
  missing: {
    icon: Link2Off,
    title: 'Open the link you were sent',
    description: 'This page only works from the review link itself. Open it again from the message you received, or ask the sender for a new one.',
  },
  revoked: { icon: Link2Off, title: 'This review link was turned off', description: 'The person who shared it turned it off. Ask them for a new link if you still need to see the review.' },
  expired: { icon: Clock, title: 'This review link has expired', description: 'The link stopped working at the time its sender chose. Ask them for a new one.' },
}

/**
 * Why a guest cannot see the review (any more), and what to do about it. There is nowhere to go inside the app.
 * The server's GONE message only picks revoked or expired (goneKind); the words here say more than it does.
 */
export function GuestLinkState({ kind }: { kind: GuestLinkStateKind }) {
  const { icon: Icon, title, description } = states[kind]
  return (
    <div role="status" className="mx-auto flex max-w-sm flex-col items-center gap-4 py-16 text-center" data-testid="guest-link-state" data-kind={kind}>
      <div className="flex size-12 items-center justify-center rounded-full border border-border bg-muted">
        <Icon className="size-5 text-muted-foreground" aria-hidden />
      </div>
      <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
      <p className="text-sm text-muted-foreground">{description}</p>
    </div>
  )
}

/** Which state a GONE message describes (the server words revoked and expired differently). */
export function goneKind(message: string): GuestLinkStateKind {
  return /expired/i.test(message) ? 'expired' : 'revoked'
}
