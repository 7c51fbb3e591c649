'use server'
// The review room of an item again — versions with status, processing and media URLs — for a refetch after a nudge (viewers and up).
import { reviewItemInput } from '@/lib/schemas/review'
import { getReviewRoom } from '@/server/services/review/get-review-room'
import { runAction } from '../run-action'

export async function getReviewRoomAction(input: unknown) {
  return runAction(reviewItemInput, input, (data, actor) => getReviewRoom({ ...data, actor }))
}
