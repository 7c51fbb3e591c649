'use client'
// A scene on the board: its number and heading (editable), then its shots, which can be reordered by drag and drop.
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { memo } from 'react'
import { Plus, Trash2 } from 'lucide-react'
import type { OutlineScene } from '@/lib/board'
import { formatDuration } from '@/lib/timecode'
import { Button } from '@/components/ui/button'
import type { BoardActions } from './board-actions'
import { dragId } from './board-dnd'
import { CommitInput } from './commit-field'
import { ShotBlock, type ShotBlockProps } from './shot-block'

type Shared = Omit<ShotBlockProps, 'entry' | 'sceneId'>

type SceneSectionProps = { entry: OutlineScene; actions: BoardActions } & Omit<Shared, 'actions'>

// Memoised: a big board draws its scenes in steps (use-progressive-scenes.ts), and each step must not redraw the
// scenes already on screen. An edit rebuilds the outline, so every scene renders again then, as before.
export const SceneSection = memo(function SceneSection({ entry, actions, ...shared }: SceneSectionProps) {
  const { scene, number, shots } = entry
  const { readOnly, frameRate } = shared
  return (
    <section className="flex flex-col gap-3" aria-label={`Scene ${number}`} data-testid="scene-section">
      <header className="flex flex-wrap items-center gap-3 border-b border-border pb-2">
        <h2 className="shrink-0 text-lg font-semibold tracking-tight">Scene {number}</h2>
        <CommitInput
          aria-label={`Heading of scene ${number}`}
          placeholder="INT. LOCATION – DAY"
          value={scene.heading}
          disabled={readOnly}
          onCommit={(heading) => actions.renameScene(scene.id, heading)}
          className="h-8 max-w-md flex-1 border-transparent bg-transparent font-mono text-sm uppercase tracking-wide hover:border-border"
        />
        <span className="ml-auto text-xs text-muted-foreground">
          {shots.length} {shots.length === 1 ? 'shot' : 'shots'} · <span className="font-mono">{formatDuration(entry.durationFrames, frameRate)}</span>
        </span>
        <Button variant="secondary" size="sm" disabled={readOnly} onClick={() => actions.addShot(scene.id)}>
          <Plus aria-hidden /> Add shot
        </Button>
        <Button variant="destructive-ghost" size="icon" disabled={readOnly} onClick={() => actions.deleteScene(scene.id, `Scene ${number}`)} aria-label={`Delete scene ${number}`} title="Delete scene">
          <Trash2 aria-hidden />
        </Button>
      </header>
      <SortableContext id={`shots:${scene.id}`} items={shots.map((s) => dragId('shot', s.shot.id))} strategy={verticalListSortingStrategy}>
        <div className="flex flex-col gap-3">
          {shots.map((shotEntry) => (
            <ShotBlock key={shotEntry.shot.id} entry={shotEntry} sceneId={scene.id} actions={actions} {...shared} />
          ))}
        </div>
      </SortableContext>
    </section>
  )
})
