import { getDb } from '@/db'
import { selectVersionComments, type ReviewCommentView } from './comment-list-query'
import { assertGuestLinkLive, findGuestVersion, type GuestPrincipal } from './guest-principal'

/** A guest sees only the 'client' comments of a version of its own review item; team notes stay internal. */
export async function listGuestComments(params: { guest: GuestPrincipal; versionId: string }): Promise<ReviewCommentView[]> {
  const db = await getDb()
  await assertGuestLinkLive(db, params.guest)
  const { version } = await findGuestVersion(db, params.guest, params.versionId)
  return selectVersionComments(db, version.id, true)
}
