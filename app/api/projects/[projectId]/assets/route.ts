// POST /api/projects/:projectId/assets — uploads one image (tldraw's asset store, panel and reference images) for
// editors and owners; answers 201 { id, url, width, height, mime }. Body: the raw file with X-Filename, or
// multipart/form-data with a "file" field (see server/media/upload-request.ts). The body streams straight through
// only while the app has no proxy.ts/middleware: with one, Next.js buffers bodies and cuts them at
// experimental.proxyClientMaxBodySize (10 MB by default), which must then be raised above MAX_IMAGE_BYTES.
// X-Storyreel-Origin: human marks the panel editor's own render of a drawing; every other upload is recorded in the
// provenance ledger as imported. (Generated images never come through here: the server records those itself.)
// X-Storyreel-Parents (with origin human): comma-separated ids of the layers the drawing was made over; a render over
// a generated background is recorded as ai_assisted with it as parent.
import { z } from 'zod'
import { idField } from '@/lib/schemas/common'
import { requireRole } from '@/server/auth/require-role'
import { getCurrentActor } from '@/server/auth/session'
import { imageLimitsFromEnv } from '@/server/media/config'
import { errorResponse } from '@/server/media/error-response'
import { readUploadBody } from '@/server/media/upload-request'
import { createImageAsset } from '@/server/services/assets/create-image-asset'

export const runtime = 'nodejs'

const routeParams = z.object({ projectId: idField('Project id') })
const parentsHeader = z
  .string()
  .max(2000)
  .transform((value) => value.split(',').map((id) => id.trim()).filter(Boolean))
  .pipe(z.array(idField('Parent asset id')).max(20, 'X-Storyreel-Parents names at most 20 assets.'))
  .default([])
const originHeader = z.enum(['human', 'imported'], { error: 'X-Storyreel-Origin must be "human" or "imported".' }).default('imported')

export async function POST(request: Request, context: { params: Promise<{ projectId: string }> }): Promise<Response> {
  try {
    const { projectId } = routeParams.parse(await context.params)
    const origin = originHeader.parse(request.headers.get('x-storyreel-origin') ?? undefined)
    const parentAssetIds = parentsHeader.parse(request.headers.get('x-storyreel-parents') ?? undefined)
    const actor = await getCurrentActor()
    // Checked before a byte of the body is read, so strangers cannot make us receive (or buffer) anything.
    await requireRole(actor, { projectId }, 'editor')
    const { body, filename } = await readUploadBody(request, imageLimitsFromEnv().maxBytes)
    const asset = await createImageAsset({ actor, projectId, body, filename, origin, parentAssetIds })
    return Response.json(
      { id: asset.id, url: asset.url, width: asset.width, height: asset.height, mime: asset.mime },
      { status: 201, headers: { Location: asset.url, 'Cache-Control': 'no-store' } },
    )
  } catch (error) {
    return errorResponse(error)
  }
}
