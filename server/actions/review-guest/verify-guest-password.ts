'use server'
// The guest page's password step: a right password marks this browser's guest session (5 tries per 15 minutes).
import { headers } from 'next/headers'
import { guestPasswordInput } from '@/lib/schemas/review-guest'
import { clientIp } from '@/server/auth/client-ip'
import { setGuestSession } from '@/server/auth/guest-session-request'
import { verifyGuestPassword } from '@/server/services/review/guest-password'
import { runGuestSessionAction } from './run-guest-action'

export async function verifyGuestPasswordAction(input: unknown) {
  return runGuestSessionAction(guestPasswordInput, input, async ({ password }, session) => {
    const next = await verifyGuestPassword({ session, password, ip: await requestIp() })
    await setGuestSession(next)
    return { verified: true as const }
  })
}

async function requestIp(): Promise<string> {
  try {
    return clientIp(await headers())
  } catch {
    // Outside a request (tests under runAsGuest) there are no headers; one shared bucket is the safe answer.
    return 'unknown'
  }
}
