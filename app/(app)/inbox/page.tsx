// The signed-in person's inbox: review comments that @mention them, across their workspaces.
import type { Metadata } from 'next'
import { MentionInbox } from '@/components/review/inbox/mention-inbox'
import { loadMyWorkspaces } from '@/app/_lib/loaders'
import { requireActor } from '@/app/_lib/session'
import { markMentionsReadAction } from '@/server/actions/inbox/mark-mentions-read'
import { listMyMentions } from '@/server/services/review/list-my-mentions'
import { AppTopBar } from '../_components/app-top-bar'

export const metadata: Metadata = { title: 'Inbox' }

export default async function InboxPage() {
  const actor = await requireActor('/inbox')
  const [workspaces, mentions] = await Promise.all([loadMyWorkspaces('/inbox'), listMyMentions({ actor })])
  return (
    <div className="flex min-h-screen flex-col">
      {workspaces[0] ? <AppTopBar actor={actor} workspaces={workspaces} currentWorkspaceId={workspaces[0].id} /> : null}
      <main className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-6 py-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Inbox</h1>
          <p className="text-sm text-muted-foreground">Review notes that mention you, newest unread first.</p>
        </div>
        <MentionInbox mentions={mentions} markRead={markMentionsReadAction} />
      </main>
    </div>
  )
}
