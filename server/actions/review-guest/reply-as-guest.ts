'use server'
// A named guest with comment rights replies to a client-visible thread.
import { guestReplyInput } from '@/lib/schemas/review-guest'
import { createGuestReply } from '@/server/services/review/create-guest-reply'
import { runGuestAction } from './run-guest-action'

export async function replyAsGuestAction(input: unknown) {
  return runGuestAction(guestReplyInput, input, (data, guest) => createGuestReply({ ...data, guest }))
}
