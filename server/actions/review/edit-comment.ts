'use server'
// Edits your own comment (commenters and up).
import { editCommentInput } from '@/lib/schemas/review'
import { editComment } from '@/server/services/review/edit-comment'
import { runAction } from '../run-action'

export async function editCommentAction(input: unknown) {
  return runAction(editCommentInput, input, (data, actor) => editComment({ ...data, actor }))
}
