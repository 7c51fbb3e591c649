// Sign in with email and password, then continue to where the visitor was headed (callbackUrl).
import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { safeCallbackUrl } from '@/app/_lib/callback-url'
import { currentActor } from '@/app/_lib/session'
import { SignInForm } from './_components/sign-in-form'

export const metadata: Metadata = { title: 'Sign in' }

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams
  const callbackUrl = safeCallbackUrl(query.callbackUrl)
  if (await currentActor()) redirect(callbackUrl)
  const inviteToken = /^\/invite\/([^/?#]+)$/.exec(callbackUrl)?.[1]
  const signUpHref = inviteToken ? `/sign-up?invite=${inviteToken}` : callbackUrl === '/' ? '/sign-up' : `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1.5 text-center">
        <h1 className="text-2xl font-semibold tracking-tight">Welcome back</h1>
        <p className="text-sm text-muted-foreground">Sign in to your Storyreel account.</p>
      </div>
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
