'use client'
// The board's bar: running time and counts, add scene, undo/redo, who is here and the connection.
import { Plus, Redo2, Undo2 } from 'lucide-react'
import type { Outline } from '@/lib/board'
import { formatDuration } from '@/lib/timecode'
import { Button } from '@/components/ui/button'
import { ConnectionBadge } from '@/components/collab/connection-badge'
import { PresenceAvatars } from '@/components/collab/presence-avatars'
import { ExportMenu } from '@/components/exports'
import { VersionsDialog } from './snapshots/versions-dialog'
import type { LiveBoard } from './use-live-board'

export function boardCounts(outline: Outline) {
  const shots = outline.scenes.reduce((sum, scene) => sum + scene.shots.length, 0)
  const panels = outline.scenes.reduce((sum, scene) => sum + scene.shots.reduce((n, shot) => n + shot.panels.length, 0), 0)
  return { scenes: outline.scenes.length, shots, panels }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

// Sticky under the app's top bar, so the connection badge, undo and running time stay in view while scrolling.
export function BoardToolbar({ live, frameRate, onAddScene }: { live: LiveBoard; frameRate: { numerator: number; denominator: number }; onAddScene?: () => void }) {
  const { outline, collab, undo, canUndo, canRedo, readOnlyReason } = live
  const counts = boardCounts(outline)
  const readOnly = readOnlyReason !== null
  return (
    // The outer strip is page-coloured so cards scrolling past never show between the top bar and the toolbar.
    <div className="sticky top-[57px] z-30 -mt-3 bg-background pt-3">
      <div className="flex flex-wrap items-center gap-x-5 gap-y-3 rounded-xl border border-border bg-surface px-4 py-3 shadow-lg shadow-black/30" data-testid="board-toolbar">
        <div className="flex flex-col">
          <span className="text-[11px] uppercase tracking-wider text-subtle-foreground">Running time</span>
          <span className="font-mono text-lg font-semibold" data-testid="running-time">{formatDuration(outline.totalDurationFrames, frameRate)}</span>
        </div>
        <p className="text-sm text-muted-foreground" data-testid="board-counts">
          {plural(counts.scenes, 'scene')} · {plural(counts.shots, 'shot')} · {plural(counts.panels, 'panel')}
        </p>
        <div className="ml-auto flex flex-wrap items-center gap-3">
          <PresenceAvatars people={collab.people} />
          <ConnectionBadge status={collab.status} reason={collab.reason} onRetry={collab.retry} />
          <VersionsDialog readOnlyReason={readOnlyReason} />
          <ExportMenu frameRate={frameRate} readOnlyReason={readOnlyReason} />
          {onAddScene ? (
            <>
              <div className="flex items-center">
                <Button variant="ghost" size="icon" disabled={readOnly || !canUndo} onClick={() => undo.undo()} aria-label="Undo" title="Undo (Ctrl/Cmd+Z)">
                  <Undo2 aria-hidden />
                </Button>
                <Button variant="ghost" size="icon" disabled={readOnly || !canRedo} onClick={() => undo.redo()} aria-label="Redo" title="Redo (Shift+Ctrl/Cmd+Z)">
                  <Redo2 aria-hidden />
                </Button>
              </div>
              <Button size="sm" disabled={readOnly} onClick={onAddScene}>
                <Plus aria-hidden /> Add scene
              </Button>
            </>
          ) : null}
        </div>
      </div>
    </div>
  )
}
