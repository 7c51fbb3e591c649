'use server'
// Leaves a note on a frame or range of a version, with an optional drawing and @mentions (commenters and up).
import { createCommentInput } from '@/lib/schemas/review'
import { createComment } from '@/server/services/review/create-comment'
import { runAction } from '../run-action'

export async function createCommentAction(input: unknown) {
  return runAction(createCommentInput, input, (data, actor) => createComment({ ...data, actor }))
}
