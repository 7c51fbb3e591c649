'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { signIn } from 'next-auth/react'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'
import { Card, CardContent } from '@/components/ui/card'
import { Field } from '@/components/ui/field'
import { FormAlert } from '@/components/ui/form-alert'
import { Input } from '@/components/ui/input'
import { signInErrorMessage } from '@/lib/schemas/auth'

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const [error, setError] = useState<string | null>(null)

  const submit = (form: HTMLFormElement) => {
    const data = new FormData(form)
    startTransition(async () => {
      let message: string | null
      try {
        const result = await signIn('credentials', { email: String(data.get('email') ?? ''), password: String(data.get('password') ?? ''), redirect: false })
        message = result?.ok && !result.error ? null : (signInErrorMessage(result?.error) ?? 'Could not sign in. Please try again.')
      } catch {
        message = 'Could not reach Storyreel. Check your connection and try again.'
      }
      setError(message)
      if (message) {
        toast.error(message)
        return
      }
      router.replace(callbackUrl)
      router.refresh()
    })
  }

  return (
    <Card>
      <CardContent>
        <form
          className="flex flex-col gap-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            submit(event.currentTarget)
          }}
        >
          <Field id="sign-in-email" label="Email">
            <Input id="sign-in-email" name="email" type="email" autoComplete="email" autoFocus required />
          </Field>
          <Field id="sign-in-password" label="Password">
            <Input id="sign-in-password" name="password" type="password" autoComplete="current-password" required />
          </Field>
          {error ? <FormAlert>{error}</FormAlert> : null}
          <Button type="submit" pending={pending} className="mt-1 w-full">
            Sign in
          </Button>
        </form>
      </CardContent>
    </Card>
  )
}
