// GET /api/projects/:projectId/disclosure/report.json — the AI-disclosure report in its versioned JSON schema
// (lib/provenance/disclosure-report.ts), for viewers and up, as a download.
import { disclosureJson } from '@/lib/provenance/disclosure-report'
import { downloadResponse } from '../../exports/_shared/export-route'
import { handleDisclosure } from '../_shared/disclosure-route'

export const runtime = 'nodejs'

export function GET(_request: Request, context: { params: Promise<{ projectId: string }> }): Promise<Response> {
  return handleDisclosure(context, (report) => downloadResponse(disclosureJson(report), 'application/json; charset=utf-8', report.project.name, 'ai-disclosure', 'json'))
}
