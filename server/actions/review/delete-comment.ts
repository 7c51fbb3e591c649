'use server'
// Deletes your own comment, or any as an owner (soft delete).
import { commentInput } from '@/lib/schemas/review'
import { deleteComment } from '@/server/services/review/delete-comment'
import { runAction } from '../run-action'

export async function deleteCommentAction(input: unknown) {
  return runAction(commentInput, input, (data, actor) => deleteComment({ ...data, actor }))
}
