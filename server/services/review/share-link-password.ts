// The password check of a share link, shared by the token lookup and the guest page's password form.
import { AppError } from '@/lib/errors'
import { verifyPassword } from '@/server/auth/password'
import { consumeRateLimit } from '@/server/services/rate-limit/consume-rate-limit'

/** Password guesses per link and address; enough for typos, far too few to guess a password. */
export const shareLinkPasswordLimit = { limit: 5, windowMs: 15 * 60 * 1000 } as const

/** Missing or wrong password → FORBIDDEN (details.passwordRequired), too many guesses from one address → RATE_LIMITED. */
export async function checkShareLinkPassword(params: { link: { id: string; passwordHash: string }; password?: string; ip: string; now: Date }): Promise<void> {
  const { link, password } = params
  if (!password) throw new AppError('FORBIDDEN', { userMessage: 'This review is protected by a password.', details: { passwordRequired: true } })
  // Counted before checking, so a correct guess after the limit is refused too and the limit cannot be probed.
  const attempt = await consumeRateLimit({ key: `share-link-password:${link.id}:${params.ip}`, ...shareLinkPasswordLimit, now: params.now })
  if (!attempt.allowed) {
    const minutes = Math.max(1, Math.ceil(attempt.retryAfterSeconds / 60))
    throw new AppError('RATE_LIMITED', { userMessage: `Too many password attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.` })
  }
  if (!(await verifyPassword(link.passwordHash, password))) {
    throw new AppError('FORBIDDEN', { userMessage: 'That password is not right.', details: { passwordRequired: true } })
  }
}
