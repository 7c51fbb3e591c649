'use server'
// Marks a comment done (commenters and up).
import { commentInput } from '@/lib/schemas/review'
import { resolveComment } from '@/server/services/review/resolve-comment'
import { runAction } from '../run-action'

export async function resolveCommentAction(input: unknown) {
  return runAction(commentInput, input, (data, actor) => resolveComment({ ...data, actor }))
}
