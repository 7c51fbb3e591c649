// GET/HEAD /api/media/:assetId — an asset's bytes for viewers and above of its project, with HTTP ranges (video
// seeking), ETag revalidation and headers that stop browsers from treating the bytes as anything but their type.
// ?download=1 asks for a download instead of inline display.
import { z } from 'zod'
import { AppError } from '@/lib/errors'
import { idField } from '@/lib/schemas/common'
import { getCurrentActor } from '@/server/auth/session'
import { errorResponse } from '@/server/media/error-response'
import { mediaResponse } from '@/server/media/media-response'
import { getStorage } from '@/server/media/storage/get-storage'
import { MediaNotFoundError } from '@/server/media/storage/media-storage'
import { getAsset } from '@/server/services/assets/get-asset'

export const runtime = 'nodejs'

const routeParams = z.object({ assetId: idField('File id') })

export async function GET(request: Request, context: { params: Promise<{ assetId: string }> }): Promise<Response> {
  try {
    const { assetId } = routeParams.parse(await context.params)
    const asset = await getAsset({ actor: await getCurrentActor(), assetId })
    const download = new URL(request.url).searchParams.get('download') === '1'
    try {
      return await mediaResponse({ request, asset, storage: getStorage(), download })
    } catch (error) {
      if (!(error instanceof MediaNotFoundError)) throw error
      // A row without its file is our fault, not the caller's: log it loudly, answer as missing.
      console.error(`[media] asset ${asset.id} has no stored file at ${asset.storageKey}`)
      return errorResponse(new AppError('NOT_FOUND', { userMessage: 'That file is missing from storage.' }))
    }
  } catch (error) {
    return errorResponse(error)
  }
}

export const HEAD = GET
