'use client'
import { useId } from 'react'
// The selected panel's fields, edited in place; every change is one lib/board update (one undo step).
import { Copy, Trash2, X } from 'lucide-react'
import { simpleCameraMoves, type Board, type CameraMove, type OutlinePanel, type PanelPatch, type TransitionIn } from '@/lib/board'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { inputClassName } from '@/components/ui/input'
import type { BoardActions } from './board-actions'
import { reportBoardError } from './board-actions'
import { CommitTextarea } from './commit-field'
import type { BoardProject } from './board-project'
import { DurationField } from './duration-field'
import { PanelDrawingDialog } from './panel-drawing-dialog'
import { PanelFrame } from './panel-frame'

const cameraMoveLabels: Record<CameraMove['kind'], string> = {
  static: 'Static', pan: 'Pan', tilt: 'Tilt', 'zoom-in': 'Zoom in', 'zoom-out': 'Zoom out', push: 'Push in', dolly: 'Dolly', custom: 'Custom framing',
}
const transitionLabels: Record<TransitionIn['kind'], string> = { cut: 'Cut', dissolve: 'Dissolve', fade: 'Fade' }

export interface PanelInspectorProps {
  board: Board
  entry: OutlinePanel
  actions: BoardActions
  project: BoardProject
  userId: string
  readOnly: boolean
  onClose: () => void
}

export function PanelInspector({ board, entry, actions, project, userId, readOnly, onClose }: PanelInspectorProps) {
  const { panel, label, index } = entry
  const { frameRate } = project
  const fieldId = useId()
  const update = (patch: PanelPatch) => {
    try {
      board.updatePanel(panel.id, patch)
    } catch (error) {
      reportBoardError(error)
    }
  }
  const selectClass = cn(inputClassName, 'h-9 appearance-auto')
  const transition = panel.transitionIn
  return (
    <aside className="flex w-full flex-col gap-4 rounded-xl border border-border bg-card p-4 lg:sticky lg:top-40 lg:max-h-[calc(100vh-11rem)] lg:w-80 lg:shrink-0 lg:overflow-y-auto" aria-label="Panel details" data-testid="panel-inspector">
      <header className="flex items-start justify-between gap-2">
        <h2 className="text-sm font-semibold">{label}</h2>
        <Button variant="ghost" size="icon" onClick={onClose} aria-label="Close panel details">
          <X aria-hidden />
        </Button>
      </header>
      <PanelFrame thumbnailAssetId={panel.thumbnailAssetId} number={index} aspect={project.width / project.height} />
      <PanelDrawingDialog board={board} project={project} userId={userId} panelId={panel.id} label={label} readOnly={readOnly} />
      <DurationField label="Duration" frames={panel.durationFrames} frameRate={frameRate} disabled={readOnly} onCommit={(durationFrames) => update({ durationFrames })} />
      {(['action', 'dialogue', 'notes'] as const).map((field) => (
        // A label beside (not around) the textarea: a wrapping label would put the typed text into the field's name.
        <div key={`${panel.id}-${field}`} className="flex flex-col gap-1.5">
          <label htmlFor={`${fieldId}-${field}`} className="text-xs font-medium text-muted-foreground">
            {field[0]!.toUpperCase() + field.slice(1)}
          </label>
          <CommitTextarea id={`${fieldId}-${field}`} value={panel[field]} disabled={readOnly} onCommit={(value) => update({ [field]: value })} />
        </div>
      ))}
      <div className="grid grid-cols-2 gap-3">
        <label className="flex flex-col gap-1.5 text-xs font-medium text-muted-foreground">
          Camera move
          <select aria-label="Camera move" className={selectClass} disabled={readOnly || panel.cameraMove.kind === 'custom'} value={panel.cameraMove.kind}
            onChange={(e) => update({ cameraMove: { kind: e.target.value as (typeof simpleCameraMoves)[number] } })}>
            {[...simpleCameraMoves, ...(panel.cameraMove.kind === 'custom' ? (['custom'] as const) : [])].map((kind) => (
              <option key={kind} value={kind}>{cameraMoveLabels[kind]}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1.5 text-xs font-medium text-muted-foreground">
          Transition in
          <select aria-label="Transition in" className={selectClass} disabled={readOnly} value={transition.kind}
            onChange={(e) => {
              const kind = e.target.value as TransitionIn['kind']
              update({ transitionIn: kind === 'cut' ? { kind } : { kind, durationFrames: 'durationFrames' in transition ? transition.durationFrames : 12 } })
            }}>
            {(Object.keys(transitionLabels) as TransitionIn['kind'][]).map((kind) => (
              <option key={kind} value={kind}>{transitionLabels[kind]}</option>
            ))}
          </select>
        </label>
      </div>
      {transition.kind !== 'cut' ? (
        <DurationField label={`${transitionLabels[transition.kind]} length`} frames={transition.durationFrames} frameRate={frameRate} disabled={readOnly}
          onCommit={(durationFrames) => update({ transitionIn: { kind: transition.kind, durationFrames } })} />
      ) : null}
      <footer className="flex gap-2 border-t border-border pt-3">
        <Button variant="secondary" size="sm" disabled={readOnly} onClick={() => actions.duplicatePanel(panel.id)}>
          <Copy aria-hidden /> Duplicate
        </Button>
        <Button variant="destructive-ghost" size="sm" disabled={readOnly} onClick={() => actions.deletePanel(panel.id, `Panel ${index}`)}>
          <Trash2 aria-hidden /> Delete
        </Button>
      </footer>
    </aside>
  )
}
