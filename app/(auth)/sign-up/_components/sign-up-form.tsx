'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { signIn } from 'next-auth/react'
import { toast } from 'sonner'
import { useServerAction } from '@/components/forms/use-server-action'
import { Button } from '@/components/ui/button'
import { Card, CardContent } from '@/components/ui/card'
import { describedBy, Field } from '@/components/ui/field'
import { FormAlert } from '@/components/ui/form-alert'
import { Input } from '@/components/ui/input'
import { passwordRules } from '@/lib/schemas/auth'
import { signUpAction } from '@/server/actions/auth/sign-up'

interface SignUpFormProps {
  inviteToken?: string
  /** When the invitation is for one address, the form starts with it. */
  invitedEmail?: string
  callbackUrl?: string
}

export function SignUpForm({ inviteToken, invitedEmail, callbackUrl }: SignUpFormProps) {
  const router = useRouter()
  const [name, setName] = useState('')
  const [email, setEmail] = useState(invitedEmail ?? '')
  const [password, setPassword] = useState('')
  const [signingIn, setSigningIn] = useState(false)
  const { run, pending, fieldErrors, formError } = useServerAction(signUpAction, {
    refresh: false,
    onSuccess: async ({ workspaceId }) => {
      setSigningIn(true)
      const result = await signIn('credentials', { email, password, redirect: false }).catch(() => undefined)
      if (!result?.ok || result.error) {
        // The account exists; only the automatic sign-in failed, so send them to sign in by hand.
        toast.error('Your account was created, but signing in failed. Please sign in.')
        router.replace('/sign-in')
        return
      }
      toast.success(inviteToken ? 'Welcome! You have joined the workspace.' : 'Welcome to Storyreel')
      router.replace(callbackUrl ?? `/w/${workspaceId}`)
      router.refresh()
    },
  })

  return (
    <Card>
      <CardContent>
        <form
          className="flex flex-col gap-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            void run({ name, email, password, ...(inviteToken ? { inviteToken } : {}) })
          }}
        >
          <Field id="sign-up-name" label="Name" errors={fieldErrors.name}>
            <Input
              id="sign-up-name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              autoComplete="name"
              autoFocus
              {...describedBy('sign-up-name', { errors: fieldErrors.name })}
            />
          </Field>
          <Field id="sign-up-email" label="Email" errors={fieldErrors.email}>
            <Input
              id="sign-up-email"
              type="email"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              autoComplete="email"
              {...describedBy('sign-up-email', { errors: fieldErrors.email })}
            />
          </Field>
          <Field id="sign-up-password" label="Password" hint={`At least ${passwordRules.minLength} characters.`} errors={fieldErrors.password}>
            <Input
              id="sign-up-password"
              type="password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              autoComplete="new-password"
              {...describedBy('sign-up-password', { errors: fieldErrors.password, hasHint: true })}
            />
          </Field>
          {formError ? <FormAlert>{formError}</FormAlert> : null}
          <Button type="submit" pending={pending || signingIn} className="mt-1 w-full">
            {inviteToken ? 'Create account and join' : 'Create account'}
          </Button>
        </form>
      </CardContent>
    </Card>
  )
}
