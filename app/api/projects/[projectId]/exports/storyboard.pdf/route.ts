// GET /api/projects/:projectId/exports/storyboard.pdf?layout=3x2&orientation=landscape&paper=a4&action=1&dialogue=1…
// — the board as a printable storyboard PDF for viewers and up, downloaded as an attachment.
import { exportDateText, storyboardQuery } from '@/lib/exports/export-query'
import { storyboardPdf } from '@/lib/exports/storyboard-pdf'
import { downloadResponse, handleExport, loadExportFonts } from '../_shared/export-route'
import { panelImageLoader } from '../_shared/panel-images'

export const runtime = 'nodejs'

export function GET(request: Request, context: { params: Promise<{ projectId: string }> }): Promise<Response> {
  return handleExport(request, context, storyboardQuery, async ({ board, project, exportProject, actor }, options) => {
    const pdf = await storyboardPdf({
      outline: board.outline(),
      project: exportProject,
      options,
      dateText: exportDateText(new Date()),
      loadFonts: loadExportFonts,
      loadImage: panelImageLoader(actor, project.id),
    })
    return downloadResponse(pdf, 'application/pdf', project.name, 'storyboard', 'pdf')
  })
}
