// The project's shot list: every shot of the live board as an editable table.
import type { Metadata } from 'next'
import { BoardActionsProvider } from '../_components/board-actions-provider'
import { ShotList } from '@/components/shots/shot-list'
import { loadProject } from '@/app/_lib/loaders'
import { boardProjectOf } from '../board/_lib/board-project-of'

export const metadata: Metadata = { title: 'Shot list' }

export default async function ShotListPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params
  // loadProject calls getProject({ actor, projectId }); non-members get notFound().
  const { actor, project } = await loadProject(projectId)
  return (
    <main className="mx-auto w-full max-w-[1500px] px-6 py-6">
      <BoardActionsProvider>
        <ShotList project={boardProjectOf(project)} userId={actor.userId} />
      </BoardActionsProvider>
    </main>
  )
}
