// GET /api/projects/:projectId/exports/board-edit.zip?format=xmeml|fcpxml — the board as an editing-software
// timeline (Premiere's FCP7 XML or Final Cut's FCPXML) with the panels' full-resolution images, for viewers and up.
import { boardEditQuery } from '@/lib/exports/board-edit-format'
import { boardEditPackage } from '@/lib/exports/board-edit-package'
import { downloadResponse, handleExport } from '../_shared/export-route'
import { panelImageLoader } from '../_shared/panel-images'

export const runtime = 'nodejs'

export function GET(request: Request, context: { params: Promise<{ projectId: string }> }): Promise<Response> {
  return handleExport(request, context, boardEditQuery, async ({ board, project, actor }, { format }) => {
    const { zip, gaps } = await boardEditPackage({
      outline: board.outline(),
      format,
      name: project.name,
      rate: { numerator: project.fpsNumerator, denominator: project.fpsDenominator, dropFrame: project.dropFrame },
      width: project.width,
      height: project.height,
      startTimecode: project.startTimecode,
      loadImage: panelImageLoader(actor, project.id),
    })
    const response = downloadResponse(zip, 'application/zip', project.name, format === 'xmeml' ? 'premiere-xml' : 'final-cut-xml', 'zip')
    // Lets the download UI say how many panels had no picture and went in as gaps.
    response.headers.set('X-Storyreel-Gaps', String(gaps))
    return response
  })
}
