'use server'
// Workspace members a comment can @mention, for the composer's autocomplete (commenters and up).
import { reviewProjectInput } from '@/lib/schemas/review-inbox'
import { listMentionCandidates } from '@/server/services/review/list-mention-candidates'
import { runAction } from '../run-action'

export async function listMentionCandidatesAction(input: unknown) {
  return runAction(reviewProjectInput, input, (data, actor) => listMentionCandidates({ ...data, actor }))
}
