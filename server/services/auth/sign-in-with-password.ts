import { findUserByEmail } from '@/db/queries/users'
import { getDb } from '@/db'
import { AppError } from '@/lib/errors'
import { invalidCredentialsMessage, signInInput } from '@/lib/schemas/auth'
import { verifyAgainstDecoy, verifyPassword } from '@/server/auth/password'
import { consumeRateLimit } from '@/server/services/rate-limit/consume-rate-limit'

const windowMs = 15 * 60 * 1000
export const signInLimits = {
  /** Per email and address: a person mistyping, or one machine guessing. */
  perEmailAndIp: { limit: 10, windowMs },
  /** Per email from anywhere: caps guessing spread over many (or forged) addresses. */
  perEmail: { limit: 50, windowMs },
} as const

export interface SignedInUser {
  id: string
  name: string | null
  email: string
}

/**
 * Checks an email and password. A wrong password, an unknown email and an account without a password all give the
 * same UNAUTHENTICATED answer (after the same amount of hashing work); too many attempts give RATE_LIMITED.
 */
export async function signInWithPassword(params: { email: unknown; password: unknown; ip: string }): Promise<SignedInUser> {
  const parsed = signInInput.safeParse({ email: params.email, password: params.password })
  if (!parsed.success) throw new AppError('UNAUTHENTICATED', { userMessage: invalidCredentialsMessage })
  const { email, password } = parsed.data

  for (const [key, rule] of [
    [`sign-in:${email}:${params.ip}`, signInLimits.perEmailAndIp],
    [`sign-in:${email}`, signInLimits.perEmail],
  ] as const) {
    const result = await consumeRateLimit({ key, ...rule })
    if (!result.allowed) {
      const minutes = Math.ceil(result.retryAfterSeconds / 60)
      throw new AppError('RATE_LIMITED', {
        userMessage: `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        details: { retryAfterSeconds: result.retryAfterSeconds },
      })
    }
  }

  const user = await findUserByEmail(await getDb(), email)
  const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDecoy(password)
  if (!user || !ok) throw new AppError('UNAUTHENTICATED', { userMessage: invalidCredentialsMessage })
  return { id: user.id, name: user.name, email: user.email }
}
