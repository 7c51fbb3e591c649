// Sign in with email and password, then continue to where the visitor was headed (callbackUrl).
import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { safeCallbackUrl } from '@/app/_lib/callback-url'
import { currentActor } from '@/app/_lib/session'
import { FormAlert } from '@/components/ui/form-alert'
import { SignInForm } from './_components/sign-in-form'

export const metadata: Metadata = { title: 'Sign in' }

// next-auth sends people back here with ?error=<code> when a sign-in through its own pages fails.
const authErrors: Record<string, string> = {
  OAuthAccountNotLinked: 'That email already has an account. Sign in the way you first did.',
  EmailSignin: 'The sign-in email could not be sent. Try again in a moment.',
  Verification: 'That sign-in link has expired or was already used. Ask for a new one.',
  SessionRequired: 'Please sign in to continue.',
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams
  const callbackUrl = safeCallbackUrl(query.callbackUrl)
  if (await currentActor()) redirect(callbackUrl)
  const errorCode = typeof query.error === 'string' ? query.error : null
  const errorMessage = errorCode ? (authErrors[errorCode] ?? 'Signing in did not work. Please try again.') : null
  const inviteToken = /^\/invite\/([^/?#]+)$/.exec(callbackUrl)?.[1]
  const signUpHref = inviteToken ? `/sign-up?invite=${inviteToken}` : callbackUrl === '/' ? '/sign-up' : `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1.5 text-center">
        <h1 className="text-2xl font-semibold tracking-tight">Welcome back</h1>
        <p className="text-sm text-muted-foreground">Sign in to your Storyreel account.</p>
      </div>
      {errorMessage ? <FormAlert>{errorMessage}</FormAlert> : null}
      <SignInForm callbackUrl={callbackUrl} />
      <p className="text-center text-sm text-muted-foreground">
        New to Storyreel?{' '}
        <Link href={signUpHref} className="font-medium text-foreground underline-offset-4 hover:underline">
          Create an account
        </Link>
      </p>
    </div>
  )
}
