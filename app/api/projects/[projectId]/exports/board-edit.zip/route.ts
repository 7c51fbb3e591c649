// GET /api/projects/:projectId/exports/board-edit.zip?format=xmeml|fcpxml — the board as an editing-software
// timeline (Premiere's FCP7 XML or Final Cut's FCPXML) with the panels' full-resolution images, for viewers and up.
// Panels without a readable picture go in as named gaps, so the timing holds.
import { boardEditQuery } from '@/lib/exports/board-edit-format'
import { boardEditZipStream } from '@/lib/exports/board-edit-package'
import { exportFilename } from '@/lib/exports/export-query'
import { handleExport } from '../_shared/export-route'
import { panelImageLoader } from '../_shared/panel-images'

export const runtime = 'nodejs'

export function GET(request: Request, context: { params: Promise<{ projectId: string }> }): Promise<Response> {
  return handleExport(request, context, boardEditQuery, async ({ board, project, actor }, { format }) => {
    // The outline is taken now: handleExport destroys the board document as soon as this returns, while the zip
    // streams on afterwards.
    const outline = board.outline()
    const stream = boardEditZipStream({
      outline,
      format,
      name: project.name,
      rate: { numerator: project.fpsNumerator, denominator: project.fpsDenominator, dropFrame: project.dropFrame },
      width: project.width,
      height: project.height,
      startTimecode: project.startTimecode,
      loadImage: panelImageLoader(actor, project.id),
    })
    const filename = exportFilename(project.name, format === 'xmeml' ? 'premiere-xml' : 'final-cut-xml', 'zip', new Date())
    return new Response(stream, {
      headers: {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      },
    })
  })
}
