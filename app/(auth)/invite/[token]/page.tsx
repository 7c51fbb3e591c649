// Where an invitation link lands: who invited you to what, then sign up / sign in, or accept if signed in.
// Links that can no longer be used say why instead of failing later.
import type { Metadata } from 'next'
import Link from 'next/link'
import { CircleCheck, Clock, Link2Off, MailWarning } from 'lucide-react'
import { isAppError } from '@/lib/errors'
import { roleDescriptions, roleLabels } from '@/lib/roles'
import { getInvitationPreview, type InvitationPreview } from '@/server/services/members/get-invitation-preview'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardFooter } from '@/components/ui/card'
import { signInUrl } from '@/app/_lib/callback-url'
import { currentActor } from '@/app/_lib/session'
import { AcceptInvitationButton } from './_components/accept-invitation-button'
import { InvitationState } from './_components/invitation-state'

export const metadata: Metadata = { title: 'Invitation' }

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'long' })

async function preview(token: string): Promise<InvitationPreview | null> {
  try {
    return await getInvitationPreview({ token })
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null
    throw error
  }
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const [invitation, actor] = await Promise.all([preview(token), currentActor()])
  const home = actor ? { href: '/', label: 'Go to your workspace' } : { href: '/sign-in', label: 'Sign in' }

  if (!invitation) {
    return <InvitationState icon={Link2Off} title="This invitation link is not valid" description="Check that you copied the whole link, or ask the person who invited you for a new one." action={home} />
  }
  if (invitation.status === 'accepted') {
    return <InvitationState icon={CircleCheck} title="This invitation has already been used" description={`Each link lets one person join ${invitation.workspaceName}. If that was not you, ask for a new link.`} action={home} />
  }
  if (invitation.status === 'revoked') {
    return <InvitationState icon={Link2Off} title="This invitation was revoked" description={`An owner of ${invitation.workspaceName} withdrew this link. Ask them for a new one if you still need access.`} action={home} />
  }
  if (invitation.status === 'expired') {
    return <InvitationState icon={Clock} title="This invitation has expired" description={`The link to ${invitation.workspaceName} stopped working on ${dateFormat.format(new Date(invitation.expiresAt))}. Ask for a new one.`} action={home} />
  }

  const inviter = invitation.invitedByName ?? 'Someone'
  const wrongAccount = actor && invitation.email && invitation.email.toLowerCase() !== actor.email.toLowerCase()
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1.5 text-center">
        <p className="text-sm text-muted-foreground">{inviter} invited you to join</p>
        <h1 className="text-2xl font-semibold tracking-tight">{invitation.workspaceName}</h1>
      </div>
      <Card>
        <CardContent className="flex flex-col gap-3">
          <p className="text-sm">
            You will join as <strong className="font-medium">{roleLabels[invitation.role].toLowerCase()}</strong>:{' '}
            <span className="text-muted-foreground">{roleDescriptions[invitation.role]}</span>
          </p>
          <p className="text-xs text-subtle-foreground">
            {invitation.email ? `For ${invitation.email} · ` : null}Valid until {dateFormat.format(new Date(invitation.expiresAt))}
          </p>
          {wrongAccount ? (
            <p className="flex items-start gap-2 rounded-md border border-warning/30 bg-warning/10 px-3 py-2 text-xs text-warning">
              <MailWarning className="mt-0.5 size-3.5 shrink-0" aria-hidden />
              This invitation is for {invitation.email}, but you are signed in as {actor.email}. Sign out and use that account.
            </p>
          ) : null}
        </CardContent>
        <CardFooter className="flex-col items-stretch gap-2">
          {actor ? (
            <>
              <AcceptInvitationButton token={token} workspaceName={invitation.workspaceName} />
              <p className="text-center text-xs text-muted-foreground">Signed in as {actor.email}</p>
            </>
          ) : (
            <>
              <Button asChild>
                <Link href={`/sign-up?invite=${encodeURIComponent(token)}`}>Create an account to join</Link>
              </Button>
              <Button asChild variant="ghost">
                <Link href={signInUrl(`/invite/${token}`)}>I already have an account</Link>
              </Button>
            </>
          )}
        </CardFooter>
      </Card>
    </div>
  )
}
