import { Badge } from '@/components/ui/badge'
import { roleLabels, type Role } from '@/lib/roles'

export function RoleBadge({ role }: { role: Role }) {
  return <Badge variant={role === 'owner' ? 'primary' : 'neutral'}>{roleLabels[role]}</Badge>
}
