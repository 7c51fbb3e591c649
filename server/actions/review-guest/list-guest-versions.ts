'use server'
// The versions of the guest's review again, after a nudge on the item (a new version, a status or processing change).
import { guestEmptyInput } from '@/lib/schemas/review-guest'
import { getGuestReview } from '@/server/services/review/get-guest-review'
import { runGuestAction } from './run-guest-action'

export async function listGuestVersionsAction(input: unknown) {
  return runGuestAction(guestEmptyInput, input, async (_data, guest) => (await getGuestReview({ guest })).versions)
}
