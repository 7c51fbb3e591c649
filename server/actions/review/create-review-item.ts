'use server'
// Opens a review item (a cut or an animatic) in a project (editors and owners).
import { createReviewItemInput } from '@/lib/schemas/review'
import { createReviewItem } from '@/server/services/review/create-review-item'
import { runAction } from '../run-action'

export async function createReviewItemAction(input: unknown) {
  return runAction(createReviewItemInput, input, (data, actor) => createReviewItem({ ...data, actor }))
}
