import { z } from 'zod'
import { emailField, nameField } from './common'

// Short on purpose: the point is to refuse the passwords every attacker tries first, not to be a breach corpus.
const commonPasswords = new Set([
  '1234567890', '0123456789', '0987654321', '1234512345', '1111111111', '0000000000', '1q2w3e4r5t', 'qwertyuiop',
  'asdfghjkl;', 'password12', 'password123', 'password1234', 'passw0rd123', 'p@ssw0rd123', 'iloveyou12', 'letmein123',
  'welcome123', 'welcome1234', 'admin12345', 'administrator', 'qwerty1234', 'qwerty12345', 'abc1234567', 'abcdefghij',
  'changeme123', 'football123', 'baseball123', 'sunshine123', 'princess123', 'monkey1234', 'dragon1234', 'master1234',
  'superman123', 'trustno1234', 'starwars123', 'whatever123', 'storyreel1', 'storyreel123', 'storyboard', 'filmmaker1',
])

export const passwordRules = { minLength: 10, maxLength: 200 } as const

/** A new password: long enough, not a well-known one, not one character repeated. */
export const newPasswordField = z
  .string({ error: 'Password is required.' })
  .min(passwordRules.minLength, `Use at least ${passwordRules.minLength} characters.`)
  .max(passwordRules.maxLength, `Use at most ${passwordRules.maxLength} characters.`)
  .refine((value) => !commonPasswords.has(value.toLowerCase()), 'That password is too common. Choose something less guessable.')
  .refine((value) => new Set(value).size > 2, 'That password repeats too few characters. Choose something less guessable.')

export const signUpInput = z
  .strictObject({
    name: nameField('Name'),
    email: emailField,
    password: newPasswordField,
    inviteToken: z.string().min(1).max(200).optional(),
  })
  .superRefine((input, ctx) => {
    const local = input.email.split('@')[0] ?? ''
    if (input.password.toLowerCase() === input.email || (local.length >= 4 && input.password.toLowerCase() === local)) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'Your password cannot be your email address.' })
    }
  })
export type SignUpInput = z.infer<typeof signUpInput>

/** What the sign-in form posts. Deliberately loose: a wrong shape is just a failed sign-in, never a hint. */
export const signInInput = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(passwordRules.maxLength),
})
export type SignInInput = z.infer<typeof signInInput>

/** The one message for a wrong password and an unknown email alike, so sign-in never reveals who has an account. */
export const invalidCredentialsMessage = 'Wrong email or password.'

/**
 * next-auth's `signIn('credentials', { redirect: false })` resolves with `error: 'CredentialsSignin'` for bad
 * credentials; any other error string (e.g. the rate limit's) is already a sentence meant for the user.
 */
export function signInErrorMessage(error: string | null | undefined): string | null {
  if (!error) return null
  return nextAuthErrorMessages[error] ?? error
}

// next-auth's own error codes (also arrive as /sign-in?error=<code> after OAuth and magic-link redirects).
const nextAuthErrorMessages: Record<string, string> = {
  CredentialsSignin: invalidCredentialsMessage,
  OAuthAccountNotLinked: 'This email already has a Storyreel account. Sign in the way you first did (for example with your password).',
  EmailSignin: 'We could not send the sign-in email. Try again in a moment.',
  Verification: 'That sign-in link has expired or was already used. Ask for a new one.',
  SessionRequired: 'Please sign in to continue.',
  Default: 'Sign-in failed. Please try again.',
}
