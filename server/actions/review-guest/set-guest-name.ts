'use server'
// The guest page's name step: the name their notes and approvals will carry (marked as a guest's).
import { guestNameInput } from '@/lib/schemas/review-guest'
import { setGuestSession } from '@/server/auth/guest-session-request'
import { nameGuest } from '@/server/services/review/guest-name'
import { runGuestSessionAction } from './run-guest-action'

export async function setGuestNameAction(input: unknown) {
  return runGuestSessionAction(guestNameInput, input, async ({ name }, session) => {
    const next = await nameGuest({ session, name })
    await setGuestSession(next)
    return { name }
  })
}
