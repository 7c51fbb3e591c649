'use server'
// A named guest with comment rights approves a version or asks for changes.
import { guestVersionStatusInput } from '@/lib/schemas/review-guest'
import { setGuestVersionStatus } from '@/server/services/review/set-guest-version-status'
import { runGuestAction } from './run-guest-action'

export async function setGuestVersionStatusAction(input: unknown) {
  return runGuestAction(guestVersionStatusInput, input, (data, guest) => setGuestVersionStatus({ ...data, guest }))
}
