// The panel drawing editor. Mount it client-only and one at a time:
//   const PanelEditor = dynamic(() => import('@/components/board/panel-editor').then((m) => m.PanelEditor), { ssr: false })
// Props (PanelEditorProps):
//   projectId, panelId  — the panel's document is `panel:<panelId>`; the board doc naming the panel must be stored
//                         first (the collab server authorises panel docs through the board that owns them).
//   userId              — the signed-in user (offline copy per user; tldraw's own-cursor check).
//   width, height       — the project resolution: the camera frame drawn on the canvas and the rendered image size.
//   readOnly            — viewers/commenters (the server refuses their writes anyway).
//   onRendered?({ imageAssetId, thumbnailAssetId }) — called ~1.5 s after this person stops editing, once a full-size
//                         PNG and a 480 px thumbnail of the frame are uploaded; write them with board.updatePanel.
//   onFlushReady?(flush) — a function that renders a still-pending edit at once; await it before closing the editor.
// A reference image imported with the toolbar button becomes a locked bottom layer with meta
// { layer: 'background', origin: 'imported', mediaAssetId }; a generated background chosen in "Generate background"
// (when a BackgroundGenerationApiProvider is above) the same with origin: 'ai_generated', replacing the previous one.
// Renders over generated layers upload with X-Storyreel-Parents, so the ledger records them as AI-assisted.
// Deploying: tldraw 5.4 removes the editor after 5 s on https with a real hostname unless a licence key is set in
// NEXT_PUBLIC_TLDRAW_LICENSE_KEY (http and localhost only show a watermark). Assets come from app/tldraw-assets.
export { PanelEditor, type PanelEditorProps } from './panel-editor'
export type { FlushPanelRender, RenderedPanel } from './use-panel-render'
