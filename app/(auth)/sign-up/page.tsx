// Create an account. With ?invite=<token> the new account joins that workspace in the same step.
import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { getInvitationPreview } from '@/server/services/members/get-invitation-preview'
import { safeCallbackUrl, signInUrl } from '@/app/_lib/callback-url'
import { currentActor } from '@/app/_lib/session'
import { roleLabels } from '@/lib/roles'
import { SignUpForm } from './_components/sign-up-form'

export const metadata: Metadata = { title: 'Create an account' }

async function usableInvitation(token: string | undefined) {
  if (!token) return null
  const preview = await getInvitationPreview({ token }).catch(() => null)
  return preview?.status === 'valid' ? preview : null
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams
  const token = typeof query.invite === 'string' ? query.invite : undefined
  const callbackUrl = safeCallbackUrl(query.callbackUrl, '')
  // Signed in already: an invitation is accepted on its own page; otherwise carry on.
  if (await currentActor()) redirect(token ? `/invite/${token}` : callbackUrl || '/')
  const invitation = await usableInvitation(token)
  // A dead link should say so on its own page rather than let someone sign up expecting to join.
  if (token && !invitation) redirect(`/invite/${token}`)
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1.5 text-center">
        <h1 className="text-2xl font-semibold tracking-tight">Create your account</h1>
        <p className="text-sm text-muted-foreground">
          {invitation ? (
            <>
              You will join <span className="font-medium text-foreground">{invitation.workspaceName}</span> as{' '}
              {roleLabels[invitation.role].toLowerCase()}.
            </>
          ) : (
            'Storyboard, plan shots and review cuts with your team.'
          )}
        </p>
      </div>
      <SignUpForm inviteToken={invitation ? token : undefined} invitedEmail={invitation?.email ?? undefined} callbackUrl={callbackUrl || undefined} />
      <p className="text-center text-sm text-muted-foreground">
        Already have an account?{' '}
        <Link
          href={signInUrl(token ? `/invite/${token}` : callbackUrl || '/')}
          className="font-medium text-foreground underline-offset-4 hover:underline"
        >
          Sign in
        </Link>
      </p>
    </div>
  )
}
