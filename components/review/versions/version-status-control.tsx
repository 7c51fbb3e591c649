'use client'
// The version's status with who set it and when; a menu to change it for those allowed (the room decides which).
import { ChevronDown } from 'lucide-react'
import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from '@/components/ui/dropdown-menu'
import { VersionStatusBadge, versionStatusLabels, type VersionStatus } from './version-status-badge'
import { whenLabel } from './when-label'

export interface VersionStatusControlProps {
  status: VersionStatus
  changedBy: { name: string; kind: 'member' | 'guest' } | null
  changedAt: Date | null
  /** Statuses this viewer may choose; empty shows the status read-only. */
  choices: readonly VersionStatus[]
  /** Resolves once the change is saved (or failed, which the caller reports). */
  onChange: (status: VersionStatus) => Promise<void>
}

export function VersionStatusControl({ status, changedBy, changedAt, choices, onChange }: VersionStatusControlProps) {
  const [pending, setPending] = useState(false)
  const who = changedBy && changedAt ? `${changedBy.name}${changedBy.kind === 'guest' ? ' (guest)' : ''} · ${whenLabel(changedAt)}` : null
  async function choose(next: VersionStatus) {
    if (next === status) return
    setPending(true)
    try {
      await onChange(next)
    } finally {
      setPending(false)
    }
  }
  return (
    <div className="flex items-center gap-2" data-testid="version-status">
      {choices.length > 0 ? (
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="ghost" size="sm" pending={pending} aria-label={`Status: ${versionStatusLabels[status]}. Change status`} className="px-1.5">
              <VersionStatusBadge status={status} />
              <ChevronDown aria-hidden />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent>
            <DropdownMenuLabel>Set this version to</DropdownMenuLabel>
            {choices.map((choice) => (
              <DropdownMenuItem key={choice} onSelect={() => void choose(choice)} disabled={choice === status}>
                <VersionStatusBadge status={choice} />
              </DropdownMenuItem>
            ))}
          </DropdownMenuContent>
        </DropdownMenu>
      ) : (
        <VersionStatusBadge status={status} />
      )}
      {who ? <span className="text-xs text-muted-foreground">{who}</span> : null}
    </div>
  )
}
