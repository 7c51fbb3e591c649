// The shape of every guest action: a strict schema, the guest's signed session (never anything from the client),
// the link re-read so a revoked or expired link answers GONE at once, one service call, an ActionResult.
import { z } from 'zod'
import type { ActionResult } from '@/lib/action-result'
import type { GuestSession } from '@/server/auth/guest-session'
import { getGuestSession } from '@/server/auth/guest-session-request'
import type { GuestPrincipal } from '@/server/services/review/guest-principal'
import { guestAccessFromSession } from '@/server/services/review/guest-session-principal'
import { toErrorAnswer } from '../run-action'

function parseFailure(error: z.ZodError): ActionResult<never> {
  const flat = z.flattenError(error)
  const fieldErrors = flat.fieldErrors as Record<string, string[]>
  const message = flat.formErrors[0] ?? Object.values(fieldErrors).flat()[0] ?? 'The request was not valid.'
  return { ok: false, error: { code: 'BAD_REQUEST', message, fieldErrors } }
}

/** For actions on the review itself: the guest must hold a live session past the password step. */
export async function runGuestAction<S extends z.ZodType, T>(schema: S, input: unknown, handler: (data: z.infer<S>, guest: GuestPrincipal) => Promise<T>): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(input)
  if (!parsed.success) return parseFailure(parsed.error)
  try {
    const { guest } = await guestAccessFromSession({ session: await getGuestSession() })
    return { ok: true, data: await handler(parsed.data, guest) }
  } catch (error) {
    return { ok: false, error: toErrorAnswer(error) }
  }
}

/** For the steps before the review (password, name): the handler gets the raw session and may replace it. */
export async function runGuestSessionAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  handler: (data: z.infer<S>, session: GuestSession | null) => Promise<T>,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(input)
  if (!parsed.success) return parseFailure(parsed.error)
  try {
    return { ok: true, data: await handler(parsed.data, await getGuestSession()) }
  } catch (error) {
    return { ok: false, error: toErrorAnswer(error) }
  }
}
