import { RoleBadge } from '@/components/members/role-badge'
import { Avatar } from '@/components/ui/avatar'
import { Badge } from '@/components/ui/badge'
import type { MemberSummary } from '@/server/services/members/list-members'
import { MemberRoleControl } from './member-role-control'
import { RemoveMemberButton } from './remove-member-button'

const joined = new Intl.DateTimeFormat('en', { dateStyle: 'medium' })

interface MemberListProps {
  workspaceId: string
  workspaceName: string
  members: MemberSummary[]
  currentUserId: string
  canManage: boolean
}

export function MemberList({ workspaceId, workspaceName, members, currentUserId, canManage }: MemberListProps) {
  return (
    <section aria-labelledby="members-heading" className="flex flex-col gap-3">
      <h2 id="members-heading" className="text-sm font-medium text-muted-foreground">
        {members.length === 1 ? '1 member' : `${members.length} members`}
      </h2>
      <ul className="flex flex-col rounded-xl border border-border bg-card">
        {members.map((member) => {
          const name = member.name ?? member.email
          const isSelf = member.userId === currentUserId
          // Owners manage everyone else; their own role is left alone here so nobody locks themselves out by a slip.
          const manageable = canManage && !isSelf
          return (
            <li key={member.userId} data-testid="member-row" className="flex flex-wrap items-center gap-3 border-b border-border px-4 py-3 last:border-b-0">
              <Avatar name={name} />
              <div className="flex min-w-0 flex-1 flex-col">
                <p className="flex items-center gap-2 truncate text-sm font-medium">
                  {name}
                  {isSelf ? <Badge variant="outline">You</Badge> : null}
                </p>
                <p className="truncate text-xs text-muted-foreground">
                  {member.email} · joined {joined.format(new Date(member.joinedAt))}
                </p>
              </div>
              {manageable ? (
                <div className="flex items-center gap-1">
                  <MemberRoleControl workspaceId={workspaceId} userId={member.userId} name={name} role={member.role} />
                  <RemoveMemberButton workspaceId={workspaceId} userId={member.userId} name={name} workspaceName={workspaceName} />
                </div>
              ) : (
                <RoleBadge role={member.role} />
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
