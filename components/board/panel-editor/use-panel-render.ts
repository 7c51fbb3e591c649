'use client'
// After someone edits the drawing and stops for a moment, render the camera frame as a full-resolution PNG and a
// small thumbnail, upload both, and hand their ids to the board (the grid shows thumbnails, the animatic the image).
// Only the person who made the change renders: remote changes do not trigger it, so N viewers do not upload N times.
import { useCallback, useEffect, useRef } from 'react'
import { toast } from 'sonner'
import { Box, type Editor } from 'tldraw'
import { generatedLayerAssetIds } from './place-background-image'
import { uploadMedia, UploadError } from './upload-media'

export interface RenderedPanel {
  imageAssetId: string
  thumbnailAssetId: string
}

export const renderIdleMs = 1500
export const thumbnailWidth = 480

/** Renders now if an edit is still waiting for its idle render, and resolves when the upload is done. */
export type FlushPanelRender = () => Promise<void>

export function usePanelRender(editor: Editor | null, options: { panelId: string; width: number; height: number; projectId: string; enabled: boolean; onRendered?: (panel: RenderedPanel) => void }): FlushPanelRender {
  const { panelId, width, height, projectId, enabled } = options
  const onRendered = useRef(options.onRendered)
  useEffect(() => {
    onRendered.current = options.onRendered
  })
  const flushRef = useRef<FlushPanelRender>(async () => {})

  useEffect(() => {
    if (!editor || !enabled) return
    let timer: ReturnType<typeof setTimeout> | undefined
    let running: Promise<void> | null = null
    let again = false
    let disposed = false
    const render = async () => {
      if (running) return void (again = true)
      let finished = () => {}
      running = new Promise<void>((resolve) => (finished = resolve))
      try {
        const shapes = [...editor.getCurrentPageShapeIds()]
        // tldraw cannot export nothing; an emptied panel keeps its last image until something is drawn again.
        if (shapes.length === 0) return
        const common = { format: 'png', bounds: new Box(0, 0, width, height), background: true, padding: 0, pixelRatio: 1 } as const
        const full = await editor.toImage(shapes, { ...common, scale: 1 })
        const thumb = await editor.toImage(shapes, { ...common, scale: thumbnailWidth / width })
        // A drawing over a generated background is AI-assisted: its render names the generated layers as parents.
        const parents = generatedLayerAssetIds(editor)
        const [image, thumbnail] = await Promise.all([
          uploadMedia(projectId, full.blob, `panel-${panelId}.png`, undefined, 'human', parents),
          uploadMedia(projectId, thumb.blob, `panel-${panelId}-thumbnail.png`, undefined, 'human', parents),
        ])
        if (!disposed) onRendered.current?.({ imageAssetId: image.id, thumbnailAssetId: thumbnail.id })
      } catch (error) {
        if (!disposed) toast.error(error instanceof UploadError ? `Panel image not saved: ${error.message}` : 'The panel image could not be rendered.')
      } finally {
        running = null
        finished()
        if (again && !disposed) {
          again = false
          schedule()
        }
      }
    }
    const schedule = () => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        timer = undefined
        void render()
      }, renderIdleMs)
    }
    // Closing the editor within the idle delay would otherwise drop the last edit's picture.
    flushRef.current = async () => {
      await running
      if (timer === undefined && !again) return
      clearTimeout(timer)
      timer = undefined
      again = false
      await render()
    }
    const stop = editor.store.listen(schedule, { source: 'user', scope: 'document' })
    return () => {
      disposed = true
      clearTimeout(timer)
      stop()
      flushRef.current = async () => {}
    }
  }, [editor, enabled, panelId, width, height, projectId])

  return useCallback(() => flushRef.current(), [])
}
