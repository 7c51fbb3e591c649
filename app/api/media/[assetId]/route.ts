// GET/HEAD /api/media/:assetId — an asset's bytes for viewers and above of its project, or for a guest of a share
// link (its review's proxy, poster and filmstrip; the original only with download rights), with HTTP ranges (video
// seeking), ETag revalidation and headers that stop browsers from treating the bytes as anything but their type.
// A guest's response that is still streaming ends within seconds of its link being revoked or expiring.
// ?download=1 asks for a download instead of inline display.
import { z } from 'zod'
import type { AssetRow } from '@/db/schema'
import { AppError, isAppError } from '@/lib/errors'
import { idField } from '@/lib/schemas/common'
import { getGuestSession } from '@/server/auth/guest-session-request'
import { getCurrentActor } from '@/server/auth/session'
import { errorResponse } from '@/server/media/error-response'
import { mediaResponse } from '@/server/media/media-response'
import { getStorage } from '@/server/media/storage/get-storage'
import { MediaNotFoundError } from '@/server/media/storage/media-storage'
import { getAsset } from '@/server/services/assets/get-asset'
import { getGuestAsset, isGuestLinkLive } from '@/server/services/review/guest-asset'
import type { GuestPrincipal } from '@/server/services/review/guest-principal'
import { guestAccessFromSession } from '@/server/services/review/guest-session-principal'

export const runtime = 'nodejs'

const routeParams = z.object({ assetId: idField('File id') })

// How often a guest's open media response re-reads the link: the issue allows 5 s from revocation to cut-off.
const guestRecheckMs = 2000

/** The asset as a member sees it, else as the request's guest (null for a member), for the recheck and cache headers. */
async function findAsset(assetId: string): Promise<{ asset: AssetRow; guest: GuestPrincipal | null }> {
  const actor = await getCurrentActor()
  if (actor) {
    try {
      return { asset: await getAsset({ actor, assetId }), guest: null }
    } catch (error) {
      // A member who also holds a guest link (someone reviewing another team's cut) falls through to the guest check.
      if (!isAppError(error) || error.code !== 'NOT_FOUND') throw error
    }
  }
  const session = await getGuestSession()
  if (!session) return { asset: await getAsset({ actor, assetId }), guest: null }
  const { guest } = await guestAccessFromSession({ session })
  return { asset: await getGuestAsset({ guest, assetId }), guest }
}

export async function GET(request: Request, context: { params: Promise<{ assetId: string }> }): Promise<Response> {
  try {
    const { assetId } = routeParams.parse(await context.params)
    const { asset, guest } = await findAsset(assetId)
    const download = new URL(request.url).searchParams.get('download') === '1'
    try {
      // A guest's link can be revoked or expire while a long range streams: the body re-reads it and stops.
      const recheck = guest ? { everyMs: guestRecheckMs, stillAllowed: () => isGuestLinkLive({ guest }) } : undefined
      const response = await mediaResponse({ request, asset, storage: getStorage(), download, recheck })
      if (guest) {
        // Revalidated on every use, so a revoked link stops playback at the next request instead of after an hour.
        response.headers.set('Cache-Control', 'private, no-cache')
        response.headers.set('Referrer-Policy', 'no-referrer')
      }
      return response
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
