'use server'
// Lists a project's review items, newest first (viewers and up).
import { listReviewItemsInput } from '@/lib/schemas/review'
import { listReviewItems } from '@/server/services/review/list-review-items'
import { runAction } from '../run-action'

export async function listReviewItemsAction(input: unknown) {
  return runAction(listReviewItemsInput, input, (data, actor) => listReviewItems({ ...data, actor }))
}
