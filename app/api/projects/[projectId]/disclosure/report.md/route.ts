// GET /api/projects/:projectId/disclosure/report.md — the AI-disclosure report as Markdown, for viewers and up.
import { disclosureMarkdown } from '@/lib/provenance/disclosure-markdown'
import { downloadResponse } from '../../exports/_shared/export-route'
import { handleDisclosure } from '../_shared/disclosure-route'

export const runtime = 'nodejs'

export function GET(_request: Request, context: { params: Promise<{ projectId: string }> }): Promise<Response> {
  return handleDisclosure(context, (report) => downloadResponse(disclosureMarkdown(report), 'text/markdown; charset=utf-8', report.project.name, 'ai-disclosure', 'md'))
}
