import { Link2 } from 'lucide-react'
import { RoleBadge } from '@/components/members/role-badge'
import type { PendingInvitation } from '@/server/services/members/list-invitations'
import { RevokeInvitationButton } from './revoke-invitation-button'

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' })

export function PendingInvitations({ workspaceId, invitations }: { workspaceId: string; invitations: PendingInvitation[] }) {
  return (
    <section aria-labelledby="invitations-heading" className="flex flex-col gap-3">
      <h2 id="invitations-heading" className="text-sm font-medium text-muted-foreground">
        Pending invitations
      </h2>
      {invitations.length === 0 ? (
        <p className="rounded-xl border border-dashed border-border px-4 py-6 text-center text-sm text-muted-foreground">
          No open invitation links. Links you create stay here until they are used, revoked or expire.
        </p>
      ) : (
        <ul className="flex flex-col rounded-xl border border-border bg-card">
          {invitations.map((invitation) => {
            const who = invitation.email ?? 'anyone with the link'
            return (
              <li key={invitation.id} data-testid="invitation-row" className="flex flex-wrap items-center gap-3 border-b border-border px-4 py-3 last:border-b-0">
                <span className="flex size-8 items-center justify-center rounded-full border border-border bg-muted">
                  <Link2 className="size-4 text-muted-foreground" aria-hidden />
                </span>
                <div className="flex min-w-0 flex-1 flex-col">
                  <p className="truncate text-sm font-medium">{invitation.email ?? 'Anyone with the link'}</p>
                  <p className="truncate text-xs text-muted-foreground">
                    Expires {dateFormat.format(new Date(invitation.expiresAt))}
                    {invitation.invitedByName ? ` · created by ${invitation.invitedByName}` : null}
                  </p>
                </div>
                <RoleBadge role={invitation.role} />
                <RevokeInvitationButton workspaceId={workspaceId} invitationId={invitation.id} who={who} />
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
