'use server'
// A named guest with comment rights notes a frame or range (always client-visible).
import { guestCommentInput } from '@/lib/schemas/review-guest'
import { createGuestComment } from '@/server/services/review/create-guest-comment'
import { runGuestAction } from './run-guest-action'

export async function createGuestCommentAction(input: unknown) {
  return runGuestAction(guestCommentInput, input, (data, guest) => createGuestComment({ ...data, guest }))
}
