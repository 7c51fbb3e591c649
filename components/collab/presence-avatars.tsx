'use client'
// Who else has this document open, in the colours their cursors use. Identities are stamped by the server.
import { cn } from '@/components/ui/cn'
import { initialsOf } from '@/lib/collab/identity'
import type { Person } from '@/lib/collab/presence'

export interface PresenceAvatarsProps {
  people: Person[]
  /** How many faces to show before "+n". */
  max?: number
  className?: string
}

export function PresenceAvatars({ people, max = 5, className }: PresenceAvatarsProps) {
  if (people.length === 0) return null
  const shown = people.slice(0, max)
  const hidden = people.length - shown.length
  const names = people.map((person) => person.name).join(', ')
  return (
    <div className={cn('flex items-center -space-x-2', className)} aria-label={`Also here: ${names}`} role="group">
      {shown.map((person) => (
        <span
          key={person.id}
          title={person.sessions > 1 ? `${person.name} (${person.sessions} tabs)` : person.name}
          className="inline-flex size-7 select-none items-center justify-center rounded-full text-[11px] font-semibold text-background ring-2 ring-background"
          style={{ backgroundColor: person.color }}
        >
          {initialsOf(person.name)}
        </span>
      ))}
      {hidden > 0 ? (
        <span className="inline-flex size-7 items-center justify-center rounded-full bg-muted text-[11px] font-medium text-muted-foreground ring-2 ring-background">
          +{hidden}
        </span>
      ) : null}
    </div>
  )
}
