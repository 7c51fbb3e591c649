// The project's storyboard: a live, shared grid of scenes, shots and panels.
import type { Metadata } from 'next'
import { BoardActionsProvider } from '../_components/board-actions-provider'
import { BoardEditor } from '@/components/board/board-editor'
import { loadProject } from '@/app/_lib/loaders'
import { boardProjectOf } from './_lib/board-project-of'

export const metadata: Metadata = { title: 'Board' }

export default async function BoardPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params
  // loadProject calls getProject({ actor, projectId }); non-members get notFound().
  const { actor, project } = await loadProject(projectId)
  return (
    <main className="mx-auto w-full max-w-[1500px] px-6 py-6">
      <BoardActionsProvider>
        <BoardEditor project={boardProjectOf(project)} userId={actor.userId} />
      </BoardActionsProvider>
    </main>
  )
}
