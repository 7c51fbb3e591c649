'use server'
// Replies to a top-level comment (commenters and up).
import { replyToCommentInput } from '@/lib/schemas/review'
import { replyToComment } from '@/server/services/review/reply-to-comment'
import { runAction } from '../run-action'

export async function replyToCommentAction(input: unknown) {
  return runAction(replyToCommentInput, input, (data, actor) => replyToComment({ ...data, actor }))
}
