'use client'
// One panel on the board: its frame, number, timing and first line of action, draggable within and across shots.
import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { GripVertical } from 'lucide-react'
import type { OutlinePanel } from '@/lib/board'
import { formatDuration } from '@/lib/timecode'
import type { PresenceUser } from '@/lib/collab/presence'
import { PanelCommentBadge } from '@/components/animatic/panel-comments'
import { cn } from '@/components/ui/cn'
import { PanelFrame } from './panel-frame'
import { dragId, useDragKind } from './board-dnd'

export interface PanelCardProps {
  entry: OutlinePanel
  shotId: string
  shotNumber: string
  selected: boolean
  watchers: readonly PresenceUser[]
  aspect: number
  frameRate: { numerator: number; denominator: number }
  readOnly: boolean
  onSelect: (panelId: string) => void
}

export function PanelCard({ entry, shotId, shotNumber, selected, watchers, aspect, frameRate, readOnly, onSelect }: PanelCardProps) {
  const { panel, index, label } = entry
  const dragKind = useDragKind()
  const { setNodeRef, setActivatorNodeRef, attributes, listeners, transform, transition, isDragging } = useSortable({
    id: dragId('panel', panel.id),
    data: { kind: 'panel', id: panel.id, parentId: shotId, label: `panel ${index} of shot ${shotNumber}` },
    disabled: { draggable: readOnly, droppable: dragKind === 'shot' },
  })
  const ring = watchers[0]?.color
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition: transition, ...(ring ? { boxShadow: `0 0 0 2px ${ring}` } : {}) }}
      className={cn(
        'group relative flex w-52 shrink-0 flex-col gap-2 rounded-lg border bg-card p-2 transition-colors hover:bg-card-hover',
        selected ? 'border-primary' : 'border-border',
        isDragging && 'z-10 opacity-60',
      )}
      data-testid="panel-card"
      data-panel-id={panel.id}
      aria-label={label}
    >
      <button type="button" className="flex flex-col gap-2 text-left" onClick={() => onSelect(panel.id)} aria-pressed={selected} aria-label={`Select ${label}`}>
        <PanelFrame thumbnailAssetId={panel.thumbnailAssetId} number={index} aspect={aspect} />
        <span className="flex items-center justify-between gap-2 text-xs">
          <span className="font-medium text-foreground">Panel {index}</span>
          <span className="font-mono text-muted-foreground">{formatDuration(panel.durationFrames, frameRate)}</span>
        </span>
        <span className="line-clamp-2 min-h-8 text-xs text-muted-foreground" data-testid="panel-summary">
          {panel.dialogue ? `“${panel.dialogue}”` : panel.action || <span className="text-subtle-foreground">No action yet</span>}
        </span>
      </button>
      <PanelCommentBadge panelId={panel.id} className="absolute right-3 top-3" />
      {watchers.length > 0 ? (
        <span className="absolute -top-2 right-2 rounded-full px-1.5 text-[10px] font-semibold text-background" style={{ backgroundColor: ring }}>
          {watchers.map((person) => person.name).join(', ')}
        </span>
      ) : null}
      {readOnly ? null : (
        <button
          type="button"
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-label={`Move ${label}`}
          className="absolute left-3 top-3 rounded bg-background/80 p-0.5 text-muted-foreground opacity-0 transition-opacity hover:text-foreground focus-visible:opacity-100 group-hover:opacity-100"
        >
          <GripVertical className="size-4" aria-hidden />
        </button>
      )}
    </li>
  )
}
