'use client'

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'
import { roleDescriptions, roleLabels, roles, type Role } from '@/lib/roles'

interface RoleSelectProps {
  id?: string
  value: Role
  onValueChange: (role: Role) => void
  disabled?: boolean
  /** Roles not offered, e.g. owner in an invitation link. */
  exclude?: Role[]
  className?: string
  'aria-label'?: string
}

/** A role picker that explains each role, so nobody has to guess what "commenter" may do. */
export function RoleSelect({ id, value, onValueChange, disabled, exclude = [], className, ...rest }: RoleSelectProps) {
  return (
    <Select value={value} onValueChange={(next) => onValueChange(next as Role)} disabled={disabled}>
      <SelectTrigger id={id} className={className} aria-label={rest['aria-label']}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent className="max-w-80" align="end">
        {roles
          .filter((role) => !exclude.includes(role))
          .map((role) => (
            <SelectItem key={role} value={role} description={roleDescriptions[role]}>
              {roleLabels[role]}
            </SelectItem>
          ))}
      </SelectContent>
    </Select>
  )
}
