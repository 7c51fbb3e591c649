'use client'
// The storyboard: scenes → shots → panels from the live board document, edited by everyone at once.
import { useCallback, useMemo, useState } from 'react'
import { Clapperboard, Plus } from 'lucide-react'
import type { OutlinePanel } from '@/lib/board'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { useBoardActions, reportBoardError } from './board-actions'
import { BoardDnd } from './board-dnd'
import type { BoardProject } from './board-project'
import { BoardLoading } from './board-loading'
import { BoardToolbar } from './board-toolbar'
import { PanelInspector } from './panel-inspector'
import { ReadOnlyNote } from './read-only-note'
import { RecoveredTray } from './recovered-tray'
import { SceneSection } from './scene-section'
import { useBoardPresence } from './use-board-presence'
import { useLiveBoard } from './use-live-board'
import { useProgressiveScenes } from './use-progressive-scenes'
import { useUndoShortcuts } from './use-undo-shortcuts'

export function BoardEditor({ project, userId }: { project: BoardProject; userId: string }) {
  const live = useLiveBoard(project, userId)
  const { board, outline, undo, collab, readOnlyReason } = live
  const readOnly = readOnlyReason !== null
  const [selectedPanelId, setSelectedPanelId] = useState<string | null>(null)
  const select = useCallback((panelId: string | null) => setSelectedPanelId(panelId), [])
  const actions = useBoardActions(board, undo, select)
  const selections = useBoardPresence(collab.awareness, selectedPanelId)
  useUndoShortcuts(undo, !readOnly)
  const scenes = useProgressiveScenes(outline.scenes)

  const selected = useMemo((): OutlinePanel | null => {
    for (const scene of outline.scenes) for (const shot of scene.shots) for (const entry of shot.panels) if (entry.panel.id === selectedPanelId) return entry
    return null
  }, [outline, selectedPanelId])

  const aspect = project.width / project.height
  const shared = { actions, selectedPanelId, selections, aspect, frameRate: project.frameRate, readOnly, onSelect: select }
  return (
    <div className="flex flex-col gap-5" data-board-ready={collab.status === 'connected' || collab.status === 'read-only' ? '' : undefined}>
      <BoardToolbar live={live} frameRate={project.frameRate} onAddScene={actions.addScene} />
      {readOnlyReason ? <ReadOnlyNote reason={readOnlyReason} /> : null}
      <RecoveredTray board={board} outline={outline} readOnly={readOnly} />
      {!live.loaded ? (
        <BoardLoading />
      ) : outline.scenes.length === 0 ? (
        <EmptyState
          icon={Clapperboard}
          title="Add your first scene"
          description="A board is scenes, each split into shots, each drawn as one or more panels. Start with a scene; it comes with a first shot and panel."
          action={
            <Button disabled={readOnly} onClick={actions.addScene}>
              <Plus aria-hidden /> Add scene
            </Button>
          }
        />
      ) : (
        <div className="flex flex-col gap-6 lg:flex-row lg:items-start">
          <BoardDnd board={board} onError={reportBoardError}>
            <div className="flex min-w-0 flex-1 flex-col gap-8">
              {scenes.map((scene) => (
                <SceneSection key={scene.scene.id} entry={scene} {...shared} />
              ))}
            </div>
          </BoardDnd>
          {selected ? (
            <PanelInspector board={board} entry={selected} actions={actions} project={project} userId={userId} readOnly={readOnly} onClose={() => select(null)} />
          ) : null}
        </div>
      )}
    </div>
  )
}
