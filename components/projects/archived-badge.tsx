import { Archive } from 'lucide-react'
import { Badge } from '@/components/ui/badge'

/** Marks an archived project wherever its name is shown (card, project header). */
export function ArchivedBadge() {
  return (
    <Badge variant="warning">
      <Archive aria-hidden />
      Archived
    </Badge>
  )
}
