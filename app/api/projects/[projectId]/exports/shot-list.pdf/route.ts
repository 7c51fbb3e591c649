// GET /api/projects/:projectId/exports/shot-list.pdf?paper=a4 — the shot list as a landscape table PDF for viewers
// and up, downloaded as an attachment.
import { exportDateText, shotListPdfQuery } from '@/lib/exports/export-query'
import { shotListPdf } from '@/lib/exports/shot-list-pdf'
import { downloadResponse, handleExport, loadExportFonts } from '../_shared/export-route'

export const runtime = 'nodejs'

export function GET(request: Request, context: { params: Promise<{ projectId: string }> }): Promise<Response> {
  return handleExport(request, context, shotListPdfQuery, async ({ board, project, exportProject }, { paper }) => {
    const pdf = await shotListPdf({ outline: board.outline(), project: exportProject, paper, dateText: exportDateText(new Date()), loadFonts: loadExportFonts })
    return downloadResponse(pdf, 'application/pdf', project.name, 'shot-list', 'pdf')
  })
}
