// Who is in the workspace and with which role; owners also invite, change roles, remove and revoke here.
import type { Metadata } from 'next'
import { PageBody, PageHeader } from '@/components/layout/page-header'
import { listInvitations } from '@/server/services/members/list-invitations'
import { listMembers } from '@/server/services/members/list-members'
import { loadWorkspace } from '@/app/_lib/loaders'
import { InviteDialog } from './_components/invite-dialog'
import { MemberList } from './_components/member-list'
import { PendingInvitations } from './_components/pending-invitations'

export const metadata: Metadata = { title: 'Members' }

export default async function MembersPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params
  const { actor, workspace } = await loadWorkspace(workspaceId)
  const isOwner = workspace.role === 'owner'
  const [members, invitations] = await Promise.all([
    listMembers({ actor, workspaceId: workspace.id }),
    // Pending links are owners' business (they are the only ones who can revoke them).
    isOwner ? listInvitations({ actor, workspaceId: workspace.id }) : Promise.resolve([]),
  ])

  return (
    <PageBody>
      <PageHeader
        level={2}
        title="Members"
        description={
          isOwner
            ? 'Invite people by link, set what each person may do, and remove access.'
            : 'Everyone in this workspace. Only owners can invite people or change roles.'
        }
        actions={isOwner ? <InviteDialog workspaceId={workspace.id} /> : null}
      />
      <MemberList
        workspaceId={workspace.id}
        workspaceName={workspace.name}
        members={members}
        currentUserId={actor.userId}
        canManage={isOwner}
      />
      {isOwner ? <PendingInvitations workspaceId={workspace.id} invitations={invitations} /> : null}
    </PageBody>
  )
}
