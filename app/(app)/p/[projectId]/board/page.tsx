// The project's storyboard: a live, shared grid of scenes, shots and panels.
import type { Metadata } from 'next'
import { BoardActionsProvider } from '../_components/board-actions-provider'
import { PanelCommentsProvider } from '@/components/animatic/panel-comments'
import { BoardEditor } from '@/components/board/board-editor'
import { loadProject } from '@/app/_lib/loaders'
import { listPanelComments } from '@/server/services/animatic/list-panel-comments'
import { boardProjectOf } from './_lib/board-project-of'

export const metadata: Metadata = { title: 'Board' }

export default async function BoardPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params
  // loadProject calls getProject({ actor, projectId }); non-members get notFound().
  const { actor, project } = await loadProject(projectId)
  // Open notes of the latest rendered animatic, per panel, for the badges on the cards (as of this page load).
  const panelComments = await listPanelComments({ actor, projectId })
  return (
    <main className="mx-auto w-full max-w-[1500px] px-6 py-6">
      <BoardActionsProvider>
        <PanelCommentsProvider projectId={projectId} counts={panelComments}>
          <BoardEditor project={boardProjectOf(project)} userId={actor.userId} />
        </PanelCommentsProvider>
      </BoardActionsProvider>
    </main>
  )
}
