// The project's storyboard: a live, shared grid of scenes, shots and panels.
import type { Metadata } from 'next'
import { BoardEditor } from '@/components/board/board-editor'
import { SnapshotApiProvider } from '@/components/board/snapshots/snapshot-api'
import { createSnapshotAction } from '@/server/actions/boards/create-snapshot'
import { getSnapshotPreviewAction } from '@/server/actions/boards/get-snapshot-preview'
import { listSnapshotsAction } from '@/server/actions/boards/list-snapshots'
import { restoreSnapshotAction } from '@/server/actions/boards/restore-snapshot'
import { loadProject } from '@/app/_lib/loaders'
import { boardProjectOf } from './_lib/board-project-of'

export const metadata: Metadata = { title: 'Board' }

export default async function BoardPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params
  // loadProject calls getProject({ actor, projectId }); non-members get notFound().
  const { actor, project } = await loadProject(projectId)
  return (
    <main className="mx-auto w-full max-w-[1500px] px-6 py-6">
      <SnapshotApiProvider
        api={{ create: createSnapshotAction, list: listSnapshotsAction, preview: getSnapshotPreviewAction, restore: restoreSnapshotAction }}
      >
        <BoardEditor project={boardProjectOf(project)} userId={actor.userId} />
      </SnapshotApiProvider>
    </main>
  )
}
