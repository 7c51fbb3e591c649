'use client'
// The live drawing editor of one panel: tldraw over the `panel:<panelId>` document, with live cursors, the camera
// frame to draw in, reference-image import and automatic panel renders. Mount one at a time, via next/dynamic with
// ssr: false (tldraw needs the DOM).
import 'tldraw/tldraw.css'
import { useEffect, useMemo, useRef, useState } from 'react'
import { toast } from 'sonner'
import { ImagePlus } from 'lucide-react'
import { Box, Tldraw, useTldrawCurrentUser, type Editor, type TLComponents } from 'tldraw'
import { getAssetUrls } from '@tldraw/assets/selfHosted'
import { useCollabDoc } from '@/components/collab/use-collab-doc'
import { ConnectionBadge } from '@/components/collab/connection-badge'
import { Button } from '@/components/ui/button'
import { GenerateBackgroundDialog } from '@/components/ai/generate-background-dialog'
import type { ChosenBackground } from '@/lib/ai/background-generation-status'
import { panelDocName } from '@/lib/collab/doc-name'
import { FrameGuide, FrameSizeContext } from './frame-guide'
import { importReferenceImage } from './import-reference-image'
import { createMediaAssetStore } from './media-asset-store'
import { placeBackgroundImage } from './place-background-image'
import { UploadError } from './upload-media'
import { usePanelPresence } from './use-panel-presence'
import { usePanelRender, type FlushPanelRender, type RenderedPanel } from './use-panel-render'
import { useYjsTldrawStore } from './use-yjs-tldraw-store'

export interface PanelEditorProps {
  projectId: string
  panelId: string
  /** The signed-in user: keeps their offline copy apart and tells tldraw which cursor is their own. */
  userId: string
  /** The project's resolution: the camera frame people draw in and the size of the rendered panel image. */
  width: number
  height: number
  /** Viewers and commenters; the server also refuses their writes whatever this says. */
  readOnly: boolean
  /** Called after an edit has been rendered and uploaded: write these ids into the board's panel. */
  onRendered?: (panel: RenderedPanel) => void
  /** Receives a function that renders any pending edit now; await it before unmounting the editor. */
  onFlushReady?: (flush: FlushPanelRender) => void
}

// Fonts, icons and translations are served by this app (app/tldraw-assets), never from tldraw's CDN.
const assetUrls = getAssetUrls({ baseUrl: '/tldraw-assets' })
const components: TLComponents = { OnTheCanvas: FrameGuide }

export function PanelEditor({ projectId, panelId, userId, width, height, readOnly, onRendered, onFlushReady }: PanelEditorProps) {
  const collab = useCollabDoc(panelDocName(panelId), { userId })
  const assets = useMemo(() => createMediaAssetStore(projectId), [projectId])
  const storeWithStatus = useYjsTldrawStore({ doc: collab.doc, status: collab.status, savedLocally: collab.savedLocally, readOnly: readOnly || collab.readOnly, assets })
  const [editor, setEditor] = useState<Editor | null>(null)
  const frame = useMemo(() => ({ width, height }), [width, height])
  const me = collab.me ?? { id: userId, name: '', color: '' }
  const user = useTldrawCurrentUser({ userPreferences: { id: me.id, name: me.name, color: me.color || undefined } })
  const editable = !readOnly && !collab.readOnly && storeWithStatus.status === 'synced-remote'

  usePanelPresence(storeWithStatus.store, collab.awareness, collab.me)
  const flushRender = usePanelRender(editor, { panelId, projectId, width, height, enabled: editable, onRendered })
  useEffect(() => onFlushReady?.(flushRender), [onFlushReady, flushRender])

  const onMount = (mounted: Editor) => {
    mounted.zoomToBounds(new Box(0, 0, width, height), { inset: 48, immediate: true })
    setEditor(mounted)
    return () => setEditor(null)
  }

  return (
    <div className="flex h-full min-h-0 flex-col gap-2" data-testid="panel-editor">
      <div className="flex items-center justify-between gap-2">
        <ConnectionBadge status={collab.status} reason={collab.reason} onRetry={collab.retry} />
        {editable && editor ? (
          <div className="flex items-center gap-2">
            <GenerateBackgroundDialog projectId={projectId} panelId={panelId} onPlace={(chosen) => placeGeneratedBackground(editor, chosen, frame)} />
            <ImportReferenceButton editor={editor} projectId={projectId} frame={frame} />
          </div>
        ) : null}
      </div>
      <div className="relative min-h-0 flex-1 overflow-hidden rounded-md border border-border">
        <FrameSizeContext.Provider value={frame}>
          <Tldraw
            store={storeWithStatus}
            assetUrls={assetUrls}
            user={user}
            components={components}
            onMount={onMount}
            licenseKey={process.env.NEXT_PUBLIC_TLDRAW_LICENSE_KEY}
          />
        </FrameSizeContext.Provider>
      </div>
    </div>
  )
}

// A newly chosen generated background replaces the previous one rather than stacking a second layer under the drawing.
function placeGeneratedBackground(editor: Editor, chosen: ChosenBackground, frame: { width: number; height: number }) {
  placeBackgroundImage(
    editor,
    { mediaAssetId: chosen.assetId, width: chosen.width, height: chosen.height, mime: chosen.mime, name: `Generated background (${chosen.provider})` },
    frame,
    'ai_generated',
    { replace: true },
  )
}

function ImportReferenceButton({ editor, projectId, frame }: { editor: Editor; projectId: string; frame: { width: number; height: number } }) {
  const input = useRef<HTMLInputElement>(null)
  const [pending, setPending] = useState(false)
  const onFile = async (file: File | undefined) => {
    if (!file) return
    setPending(true)
    try {
      await importReferenceImage(editor, projectId, file, frame)
    } catch (error) {
      toast.error(error instanceof UploadError ? error.message : 'The reference image could not be imported.')
    } finally {
      setPending(false)
      if (input.current) input.current.value = ''
    }
  }
  return (
    <>
      <input ref={input} type="file" accept="image/png,image/jpeg,image/webp,image/gif" hidden onChange={(e) => void onFile(e.target.files?.[0])} />
      <Button variant="secondary" size="sm" pending={pending} onClick={() => input.current?.click()}>
        <ImagePlus aria-hidden />
        Import reference image
      </Button>
    </>
  )
}
