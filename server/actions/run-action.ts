import { z } from 'zod'
import { AppError, isAppError, type ErrorCode } from '@/lib/errors'
import type { ActionResult } from '@/lib/action-result'
import { getCurrentActor } from '@/server/auth/session'
import type { Actor } from '@/server/auth/require-role'

export type { ActionResult }

/**
 * The shape of every server action: parse the input with a strict schema (unknown keys such as role: "owner"
 * are rejected), find the actor from the session, delegate, and turn errors into an answer the UI can show.
 * Server actions return errors instead of throwing because Next.js hides thrown messages in production.
 */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  handler: (data: z.infer<S>, actor: Actor | null) => Promise<T>,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(input)
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error)
    const fieldErrors = flat.fieldErrors as Record<string, string[]>
    const first = flat.formErrors[0] ?? Object.values(fieldErrors).flat()[0] ?? 'The request was not valid.'
    return { ok: false, error: { code: 'BAD_REQUEST', message: first, fieldErrors } }
  }
  try {
    const actor = await getCurrentActor()
    return { ok: true, data: await handler(parsed.data, actor) }
  } catch (error) {
    return { ok: false, error: toErrorAnswer(error) }
  }
}

export function toErrorAnswer(error: unknown): { code: ErrorCode; message: string } {
  if (isAppError(error)) return { code: error.code, message: error.userMessage }
  // Never leak internals: log here, answer generically.
  console.error('[action] unexpected error:', error)
  return { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' }
}

/** For actions that need a signed-in user before anything else. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', { userMessage: 'Please sign in to continue.' })
  return actor
}
