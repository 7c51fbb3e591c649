'use server'
// Opens a resolved comment again (commenters and up).
import { commentInput } from '@/lib/schemas/review'
import { reopenComment } from '@/server/services/review/resolve-comment'
import { runAction } from '../run-action'

export async function reopenCommentAction(input: unknown) {
  return runAction(commentInput, input, (data, actor) => reopenComment({ ...data, actor }))
}
