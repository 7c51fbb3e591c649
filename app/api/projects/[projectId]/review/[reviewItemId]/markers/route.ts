// GET /api/projects/:projectId/review/:reviewItemId/markers?version=<n>&format=<id> — a version's comments as a marker
// file for Resolve, Premiere, Final Cut, Avid or a spreadsheet (viewers and up), downloaded as "<title> v<n>.<ext>".
import { z } from 'zod'
import { contentDisposition } from '@/lib/media/content-disposition'
import { markerExportFormatIds } from '@/lib/markers'
import { notFound } from '@/lib/errors'
import { idField } from '@/lib/schemas/common'
import { getCurrentActor } from '@/server/auth/session'
import { errorResponse } from '@/server/media/error-response'
import { exportCommentMarkers } from '@/server/services/review/export-comment-markers'
import { getReviewItem } from '@/server/services/review/get-review-item'

export const runtime = 'nodejs'

const routeParams = z.object({ projectId: idField('Project'), reviewItemId: idField('Review item') })
const query = z.object({
  version: z.coerce.number({ error: 'Say which version: ?version=1.' }).int('Versions are whole numbers.').min(1, 'Versions start at 1.'),
  format: z.enum(markerExportFormatIds, { error: `Choose a marker format: ${markerExportFormatIds.join(', ')}.` }),
})

export async function GET(request: Request, context: { params: Promise<{ projectId: string; reviewItemId: string }> }): Promise<Response> {
  try {
    const { projectId, reviewItemId } = routeParams.parse(await context.params)
    const search = new URL(request.url).searchParams
    const { version: number, format } = query.parse({ version: search.get('version') ?? undefined, format: search.get('format') ?? undefined })
    const actor = await getCurrentActor()
    // The item lookup scopes the version number to this item of this project.
    const item = await getReviewItem({ actor, projectId, reviewItemId })
    const version = item.versions.find((candidate) => candidate.number === number)
    if (!version) throw notFound(`Version ${number}`)
    const file = await exportCommentMarkers({ actor, projectId, versionId: version.id, format })
    return new Response(file.content, {
      headers: {
        'Content-Type': file.mimeType,
        'Content-Disposition': contentDisposition('attachment', file.fileName),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  } catch (error) {
    return errorResponse(error)
  }
}
