'use client'
// v1 … vN as a menu: each with its status, who changed it and when, and whether it is still processing.
import { Check, ChevronDown, Loader2, TriangleAlert } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from '@/components/ui/dropdown-menu'
import { VersionStatusBadge, type VersionStatus } from './version-status-badge'
import { whenLabel } from './when-label'

export interface SwitcherVersion {
  id: string
  number: number
  status: VersionStatus
  processing: 'pending' | 'processing' | 'ready' | 'failed'
  createdByName: string | null
  createdAt: Date
}

export function VersionSwitcher({ versions, current, onSelect }: { versions: readonly SwitcherVersion[]; current: number; onSelect: (number: number) => void }) {
  const newestFirst = [...versions].sort((a, b) => b.number - a.number)
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={`Version ${current} of ${versions.length}: choose another`} data-testid="version-switcher">
          v{current}
          <span className="text-muted-foreground">of {versions.length}</span>
          <ChevronDown aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="min-w-80">
        <DropdownMenuLabel>Versions</DropdownMenuLabel>
        {newestFirst.map((version) => (
          <DropdownMenuItem key={version.id} onSelect={() => onSelect(version.number)} className="items-start gap-3 py-2">
            <span className="mt-0.5 w-4">{version.number === current ? <Check aria-label="Showing" /> : null}</span>
            <span className="flex min-w-0 flex-1 flex-col gap-1">
              <span className="flex items-center gap-2">
                <span className="font-semibold">v{version.number}</span>
                <VersionStatusBadge status={version.status} />
                {version.processing === 'failed' ? (
                  <span className="inline-flex items-center gap-1 text-xs text-destructive">
                    <TriangleAlert aria-hidden className="size-3" /> failed
                  </span>
                ) : version.processing !== 'ready' ? (
                  <span className="inline-flex items-center gap-1 text-xs text-muted-foreground">
                    <Loader2 aria-hidden className="size-3 animate-spin" /> processing
                  </span>
                ) : null}
              </span>
              <span className="truncate text-xs text-muted-foreground">
                {version.createdByName ?? 'Someone'} · {whenLabel(version.createdAt)}
              </span>
            </span>
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
