'use server'
// The client-visible comments of one version of the guest's review.
import { guestVersionInput } from '@/lib/schemas/review-guest'
import { listGuestComments } from '@/server/services/review/list-guest-comments'
import { runGuestAction } from './run-guest-action'

export async function listGuestCommentsAction(input: unknown) {
  return runGuestAction(guestVersionInput, input, (data, guest) => listGuestComments({ guest, versionId: data.versionId }))
}
