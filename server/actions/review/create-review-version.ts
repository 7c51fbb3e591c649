'use server'
// Adds the next version (v1, v2…) from an asset of the same project (editors and owners).
import { createReviewVersionInput } from '@/lib/schemas/review'
import { createReviewVersion } from '@/server/services/review/create-review-version'
import { runAction } from '../run-action'

export async function createReviewVersionAction(input: unknown) {
  return runAction(createReviewVersionInput, input, (data, actor) => createReviewVersion({ ...data, actor }))
}
