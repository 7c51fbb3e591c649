// A version's review status as a coloured badge, the same everywhere (list, switcher, room).
import { CircleCheck, CircleDot, CircleAlert } from 'lucide-react'
import { Badge } from '@/components/ui/badge'

export type VersionStatus = 'in_review' | 'changes_requested' | 'approved'

export const versionStatusLabels: Record<VersionStatus, string> = {
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
}

const look = {
  in_review: { variant: 'primary', Icon: CircleDot },
  changes_requested: { variant: 'warning', Icon: CircleAlert },
  approved: { variant: 'success', Icon: CircleCheck },
} as const

export function VersionStatusBadge({ status, className }: { status: VersionStatus; className?: string }) {
  const { variant, Icon } = look[status]
  return (
    <Badge variant={variant} className={className} data-status={status}>
      <Icon aria-hidden />
      {versionStatusLabels[status]}
    </Badge>
  )
}
