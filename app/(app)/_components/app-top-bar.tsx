import Link from 'next/link'
import { LogoMark } from '@/components/brand/logo'
import type { Actor } from '@/server/auth/require-role'
import type { WorkspaceSummary } from '@/server/services/workspaces/list-workspaces'
import { InboxLink } from '@/components/review/inbox/inbox-link'
import { countUnreadMentions } from '@/server/services/review/list-my-mentions'
import { UserMenu } from './user-menu'
import { WorkspaceSwitcher } from './workspace-switcher'

interface AppTopBarProps {
  actor: Actor
  workspaces: WorkspaceSummary[]
  currentWorkspaceId: string
}

/** The strip at the top of every signed-in page: home, which workspace you are in, your inbox, and who you are. */
export async function AppTopBar({ actor, workspaces, currentWorkspaceId }: AppTopBarProps) {
  const unread = await countUnreadMentions({ actor })
  return (
    <header className="sticky top-0 z-40 border-b border-border bg-background/85 backdrop-blur">
      <div className="mx-auto flex h-14 w-full max-w-6xl items-center gap-3 px-6">
        <Link href={`/w/${currentWorkspaceId}`} className="rounded-md p-1" aria-label="Storyreel home">
          <LogoMark />
        </Link>
        <span className="text-border-strong" aria-hidden>
          /
        </span>
        <WorkspaceSwitcher
          workspaces={workspaces.map(({ id, name, role }) => ({ id, name, role }))}
          currentWorkspaceId={currentWorkspaceId}
        />
        <div className="ml-auto flex items-center gap-2">
          <InboxLink unread={unread} />
          <UserMenu name={actor.name ?? actor.email} email={actor.email} />
        </div>
      </div>
    </header>
  )
}
