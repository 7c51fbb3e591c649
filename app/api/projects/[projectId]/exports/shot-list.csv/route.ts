// GET /api/projects/:projectId/exports/shot-list.csv — the shot list as CSV (UTF-8 with BOM, formula-safe) for
// viewers and up, downloaded as an attachment; the import action reads this format back.
import { shotListCsvQuery } from '@/lib/exports/export-query'
import { shotListCsv } from '@/lib/exports/shot-list-csv'
import { downloadResponse, handleExport } from '../_shared/export-route'

export const runtime = 'nodejs'

export function GET(request: Request, context: { params: Promise<{ projectId: string }> }): Promise<Response> {
  return handleExport(request, context, shotListCsvQuery, async ({ board, project, exportProject }) =>
    downloadResponse(shotListCsv(board.outline(), exportProject.rate), 'text/csv; charset=utf-8', project.name, 'shot-list', 'csv'),
  )
}
