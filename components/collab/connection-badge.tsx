'use client'
// Where the live connection stands, in words, with the reason when the server refused us.
import { CloudOff, Eye, Loader2, ShieldAlert, Wifi } from 'lucide-react'
import { Badge } from '@/components/ui/badge'
import { cn } from '@/components/ui/cn'
import type { ConnectionStatus } from '@/lib/collab/connection-state'
import { statusLabels } from '@/lib/collab/connection-state'

const look: Record<ConnectionStatus, { variant: 'neutral' | 'success' | 'warning' | 'destructive' | 'outline'; Icon: typeof Wifi; spin?: boolean }> = {
  connecting: { variant: 'neutral', Icon: Loader2, spin: true },
  connected: { variant: 'success', Icon: Wifi },
  'read-only': { variant: 'outline', Icon: Eye },
  reconnecting: { variant: 'warning', Icon: Loader2, spin: true },
  offline: { variant: 'warning', Icon: CloudOff },
  denied: { variant: 'destructive', Icon: ShieldAlert },
}

export interface ConnectionBadgeProps {
  status: ConnectionStatus
  /** The server's reason, shown for "access denied" and as a tooltip otherwise. */
  reason?: string | null
  onRetry?: () => void
  className?: string
}

export function ConnectionBadge({ status, reason, onRetry, className }: ConnectionBadgeProps) {
  const { variant, Icon, spin } = look[status]
  return (
    <div className={cn('inline-flex items-center gap-2', className)} role="status" aria-live="polite">
      <Badge variant={variant} title={reason ?? undefined} data-status={status}>
        <Icon aria-hidden className={cn(spin && 'animate-spin')} />
        {statusLabels[status]}
      </Badge>
      {status === 'denied' && reason ? <span className="text-xs text-muted-foreground">{reason}</span> : null}
      {status === 'denied' && onRetry ? (
        <button type="button" onClick={onRetry} className="text-xs text-primary underline-offset-2 hover:underline">
          Try again
        </button>
      ) : null}
    </div>
  )
}
