'use server'
// One review item with its versions (viewers and up).
import { reviewItemInput } from '@/lib/schemas/review'
import { getReviewItem } from '@/server/services/review/get-review-item'
import { runAction } from '../run-action'

export async function getReviewItemAction(input: unknown) {
  return runAction(reviewItemInput, input, (data, actor) => getReviewItem({ ...data, actor }))
}
