'use client'
// Shots and panels left without a parent when one person added or moved them into a scene or shot that someone else
// deleted at the same moment (see lib/board/outline.ts). They are out of the numbering; here they can be put back
// into the board or deleted for good with the ordinary operations.
import { useMemo } from 'react'
import { LifeBuoy } from 'lucide-react'
import type { Board, Outline } from '@/lib/board'
import { Button } from '@/components/ui/button'
import { reportBoardError } from './board-actions'

export function RecoveredTray({ board, outline, readOnly }: { board: Board; outline: Outline; readOnly: boolean }) {
  // The outline object changes whenever any scene, shot or panel does, which is when orphans can appear or go.
  const orphans = useMemo(() => board.listOrphans(), [board, outline]) // eslint-disable-line react-hooks/exhaustive-deps
  if (orphans.shots.length + orphans.panels.length === 0) return null
  const lastScene = outline.scenes.at(-1)
  const lastShot = lastScene?.shots.at(-1)
  const attempt = (write: () => unknown) => {
    try {
      write()
    } catch (error) {
      reportBoardError(error)
    }
  }
  return (
    <section className="flex flex-col gap-3 rounded-xl border border-warning/40 bg-warning/5 p-4" aria-label="Recovered" data-testid="recovered-tray">
      <h2 className="flex items-center gap-2 text-sm font-semibold text-warning">
        <LifeBuoy className="size-4" aria-hidden /> Recovered
      </h2>
      <p className="text-xs text-muted-foreground">Someone deleted a scene or shot while these were being added to it. Put them back or delete them.</p>
      <ul className="flex flex-col gap-2">
        {orphans.shots.map(({ shot, panels }) => (
          <li key={shot.id} className="flex flex-wrap items-center gap-2 text-sm">
            <span className="flex-1">A shot with {panels.length} {panels.length === 1 ? 'panel' : 'panels'}{shot.description ? ` — ${shot.description}` : ''}</span>
            <Button variant="secondary" size="sm" disabled={readOnly || !lastScene} onClick={() => lastScene && attempt(() => board.moveShot(shot.id, { sceneId: lastScene.scene.id }))}>
              Move to scene {lastScene?.number ?? ''}
            </Button>
            <Button variant="destructive-ghost" size="sm" disabled={readOnly} onClick={() => attempt(() => board.deleteShot(shot.id))}>
              Delete
            </Button>
          </li>
        ))}
        {orphans.panels.map((panel) => (
          <li key={panel.id} className="flex flex-wrap items-center gap-2 text-sm">
            <span className="flex-1">A panel{panel.action ? ` — ${panel.action}` : ''}</span>
            <Button variant="secondary" size="sm" disabled={readOnly || !lastShot} onClick={() => lastShot && attempt(() => board.movePanel(panel.id, { shotId: lastShot.shot.id }))}>
              Move to shot {lastShot?.number ?? ''}
            </Button>
            <Button variant="destructive-ghost" size="sm" disabled={readOnly} onClick={() => attempt(() => board.deletePanel(panel.id))}>
              Delete
            </Button>
          </li>
        ))}
      </ul>
    </section>
  )
}
