'use server'
// Turns a share link off for good (editors and owners).
import { shareLinkInput } from '@/lib/schemas/review'
import { revokeShareLink } from '@/server/services/review/revoke-share-link'
import { runAction } from '../run-action'

export async function revokeShareLinkAction(input: unknown) {
  return runAction(shareLinkInput, input, (data, actor) => revokeShareLink({ ...data, actor }))
}
