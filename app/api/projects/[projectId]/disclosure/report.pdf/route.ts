// GET /api/projects/:projectId/disclosure/report.pdf?paper=a4|letter — the AI-disclosure report as a PDF in the
// storyboard's house look, for viewers and up.
import { z } from 'zod'
import { disclosurePdf } from '@/lib/exports/disclosure-pdf'
import { exportDateText } from '@/lib/exports/export-query'
import { paperSizes } from '@/lib/exports/storyboard-options'
import { errorResponse } from '@/server/media/error-response'
import { downloadResponse, loadExportFonts } from '../../exports/_shared/export-route'
import { handleDisclosure } from '../_shared/disclosure-route'

export const runtime = 'nodejs'

const query = z.strictObject({ paper: z.enum(paperSizes, { error: 'Choose paper=a4 or paper=letter.' }).default('a4') })

export function GET(request: Request, context: { params: Promise<{ projectId: string }> }): Promise<Response> {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams.entries()))
  if (!parsed.success) return Promise.resolve(errorResponse(parsed.error))
  return handleDisclosure(context, async (report) => {
    const pdf = await disclosurePdf({ report, paper: parsed.data.paper, dateText: exportDateText(new Date()), loadFonts: loadExportFonts })
    return downloadResponse(pdf, 'application/pdf', report.project.name, 'ai-disclosure', 'pdf')
  })
}
