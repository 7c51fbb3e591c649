'use client'
// The panel's drawing, opened from its details: the tldraw editor (loaded only in the browser, only when opened),
// whose rendered image and thumbnail are written back onto the panel so the board shows them.
import dynamic from 'next/dynamic'
import { useCallback, useRef, useState } from 'react'
import { Loader2, PenTool } from 'lucide-react'
import type { Board } from '@/lib/board'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog'
import { reportBoardError } from './board-actions'
import type { BoardProject } from './board-project'
import type { FlushPanelRender } from './panel-editor'

const PanelEditor = dynamic(() => import('./panel-editor').then((m) => m.PanelEditor), {
  ssr: false,
  loading: () => (
    <div className="flex size-full items-center justify-center text-sm text-muted-foreground">
      <Loader2 className="mr-2 size-4 animate-spin" aria-hidden /> Loading the drawing tools…
    </div>
  ),
})

export interface PanelDrawingDialogProps {
  board: Board
  project: BoardProject
  userId: string
  panelId: string
  label: string
  readOnly: boolean
}

// Longer than a render and two uploads take on a slow link; past it we close anyway and keep the previous picture.
const closeWaitMs = 15_000

export function PanelDrawingDialog({ board, project, userId, panelId, label, readOnly }: PanelDrawingDialogProps) {
  const [open, setOpen] = useState(false)
  const [saving, setSaving] = useState(false)
  const flush = useRef<FlushPanelRender | null>(null)
  const onFlushReady = useCallback((next: FlushPanelRender) => void (flush.current = next), [])
  // The picture of an edit made in the last moment before closing is rendered before the editor goes away.
  const onOpenChange = async (next: boolean) => {
    if (next || !flush.current) return setOpen(next)
    setSaving(true)
    try {
      await Promise.race([flush.current(), new Promise((resolve) => setTimeout(resolve, closeWaitMs))])
    } finally {
      setSaving(false)
      flush.current = null
      setOpen(false)
    }
  }
  return (
    <Dialog open={open} onOpenChange={(next) => void onOpenChange(next)}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" className="w-full">
          <PenTool aria-hidden /> {readOnly ? 'View drawing' : 'Draw panel'}
        </Button>
      </DialogTrigger>
      <DialogContent
        className="flex h-[calc(100vh-4rem)] max-w-[calc(100vw-4rem)] flex-col gap-3 p-4"
        // Escape belongs to the drawing tools (deselect, leave a tool); the close button ends the session.
        onEscapeKeyDown={(event) => event.preventDefault()}
      >
        <DialogHeader>
          <DialogTitle>{label}</DialogTitle>
          <DialogDescription>
            {saving ? (
              <span className="inline-flex items-center">
                <Loader2 className="mr-2 size-4 animate-spin" aria-hidden /> Saving the panel picture…
              </span>
            ) : (
              'Everyone on this board sees the drawing as it happens; the board picks up the finished frame a moment after you stop.'
            )}
          </DialogDescription>
        </DialogHeader>
        <div className="relative min-h-0 flex-1 overflow-hidden rounded-lg border border-border">
          <PanelEditor
            projectId={project.id}
            panelId={panelId}
            userId={userId}
            width={project.width}
            height={project.height}
            readOnly={readOnly}
            onFlushReady={onFlushReady}
            onRendered={({ imageAssetId, thumbnailAssetId }) => {
              try {
                board.updatePanel(panelId, { imageAssetId, thumbnailAssetId })
              } catch (error) {
                reportBoardError(error)
              }
            }}
          />
        </div>
      </DialogContent>
    </Dialog>
  )
}
