'use client'
// One shot on the board: its number and camera notes, its panels in a row, and the shot's own actions.
import { SortableContext, horizontalListSortingStrategy, useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { Copy, GripVertical, Plus, Trash2 } from 'lucide-react'
import type { OutlineShot } from '@/lib/board'
import { formatDuration } from '@/lib/timecode'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import type { BoardActions } from './board-actions'
import { dragId, useDragKind } from './board-dnd'
import { PanelCard } from './panel-card'
import type { SelectionsByPanel } from './use-board-presence'

export interface ShotBlockProps {
  entry: OutlineShot
  sceneId: string
  actions: BoardActions
  selectedPanelId: string | null
  selections: SelectionsByPanel
  aspect: number
  frameRate: { numerator: number; denominator: number }
  readOnly: boolean
  onSelect: (panelId: string) => void
}

function cameraNotes({ shot }: OutlineShot): string {
  return [shot.size, shot.angle, shot.movement, shot.lens].filter(Boolean).join(' · ')
}

export function ShotBlock({ entry, sceneId, actions, selectedPanelId, selections, aspect, frameRate, readOnly, onSelect }: ShotBlockProps) {
  const { shot, number, label, panels } = entry
  const dragKind = useDragKind()
  const { setNodeRef, setActivatorNodeRef, attributes, listeners, transform, transition, isDragging } = useSortable({
    id: dragId('shot', shot.id),
    data: { kind: 'shot', id: shot.id, parentId: sceneId, label: `shot ${number}` },
    disabled: { draggable: readOnly, droppable: dragKind === 'panel' },
  })
  const notes = cameraNotes(entry)
  return (
    <section
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition: transition }}
      className={cn('flex flex-col gap-3 rounded-xl border border-border bg-surface/60 p-3', isDragging && 'z-10 opacity-60')}
      aria-label={label}
      data-testid="shot-block"
      data-shot-id={shot.id}
    >
      <header className="flex flex-wrap items-center gap-3">
        {readOnly ? null : (
          <button
            type="button"
            ref={setActivatorNodeRef}
            {...attributes}
            {...listeners}
            aria-label={`Move shot ${number}`}
            className="rounded p-1 text-muted-foreground hover:bg-muted hover:text-foreground"
          >
            <GripVertical className="size-4" aria-hidden />
          </button>
        )}
        <h3 className="font-mono text-sm font-semibold text-foreground">Shot {number}</h3>
        {notes ? <span className="text-xs text-muted-foreground" data-testid="shot-notes">{notes}</span> : null}
        {shot.description ? <span className="truncate text-xs text-subtle-foreground">{shot.description}</span> : null}
        <span className="ml-auto font-mono text-xs text-muted-foreground">{formatDuration(entry.durationFrames, frameRate)}</span>
        <div className="flex items-center gap-1">
          <Button variant="ghost" size="sm" disabled={readOnly} onClick={() => actions.addPanel(shot.id)} aria-label={`Add panel to shot ${number}`}>
            <Plus aria-hidden /> Panel
          </Button>
          <Button variant="ghost" size="icon" disabled={readOnly} onClick={() => actions.duplicateShot(shot.id)} aria-label={`Duplicate shot ${number}`} title="Duplicate shot">
            <Copy aria-hidden />
          </Button>
          <Button variant="destructive-ghost" size="icon" disabled={readOnly} onClick={() => actions.deleteShot(shot.id, `Shot ${number}`)} aria-label={`Delete shot ${number}`} title="Delete shot">
            <Trash2 aria-hidden />
          </Button>
        </div>
      </header>
      <SortableContext id={`panels:${shot.id}`} items={panels.map((p) => dragId('panel', p.panel.id))} strategy={horizontalListSortingStrategy}>
        <ol className="flex gap-3 overflow-x-auto pb-1" aria-label={`Panels of shot ${number}`}>
          {panels.map((panelEntry) => (
            <PanelCard
              key={panelEntry.panel.id}
              entry={panelEntry}
              shotId={shot.id}
              shotNumber={number}
              selected={panelEntry.panel.id === selectedPanelId}
              watchers={selections.get(panelEntry.panel.id) ?? []}
              aspect={aspect}
              frameRate={frameRate}
              readOnly={readOnly}
              onSelect={onSelect}
            />
          ))}
          {panels.length === 0 ? <li className="py-6 text-xs text-subtle-foreground">No panels yet.</li> : null}
        </ol>
      </SortableContext>
    </section>
  )
}
