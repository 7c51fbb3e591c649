'use server'
// Marks the caller's own @mentions read: some, or all (any signed-in person; others' rows are never touched).
import { markMentionsReadInput } from '@/lib/schemas/review-inbox'
import { markMentionsRead } from '@/server/services/review/mark-mentions-read'
import { runAction } from '../run-action'

export async function markMentionsReadAction(input: unknown) {
  return runAction(markMentionsReadInput, input, (data, actor) => markMentionsRead({ ...data, actor }))
}
