// /api/uploads — resumable (tus 1.0) uploads of cuts for review. POST creates an upload for an editor of the project
// (metadata: projectId, reviewItemId, filename); HEAD, PATCH and DELETE on /api/uploads/<id> resume, continue or
// cancel it, for its creator only. The reply to the last PATCH carries Storyreel-Version-Id/-Number of the new
// version. Protocol and access rules live in server/media/upload/cut-upload-server.ts.
import { getCurrentActor } from '@/server/auth/session'
import { getCutUploadServer } from '@/server/media/upload/get-cut-upload-server'
import { checkCutUpload } from '@/server/services/review/check-cut-upload'
import { finishCutUpload } from '@/server/services/review/finish-cut-upload'

export const runtime = 'nodejs'
// Each request is someone's upload; nothing here may be cached or pre-rendered.
export const dynamic = 'force-dynamic'

function handle(request: Request): Promise<Response> {
  const server = getCutUploadServer({
    authenticate: () => getCurrentActor(),
    authorize: async (actor, target) => void (await checkCutUpload({ actor, ...target })),
    finish: async (actor, target, filePath) => finishCutUpload({ actor, ...target, filePath }),
  })
  return server.handle(request)
}

export const POST = handle
export const HEAD = handle
export const PATCH = handle
export const DELETE = handle
export const OPTIONS = handle
export const GET = handle
