'use client'
// The first step on a password-protected link. Wrong passwords and the "try again in N minutes" lock-out are said
// in the form; the field keeps what was typed so a typo is easy to fix.
import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { LockKeyhole } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { Card, CardContent } from '@/components/ui/card'
import { Field, describedBy } from '@/components/ui/field'
import { FormAlert } from '@/components/ui/form-alert'
import { Input } from '@/components/ui/input'
import type { ActionResult } from '@/lib/action-result'

interface GuestPasswordFormProps {
  verify(input: { password: string }): Promise<ActionResult<{ verified: true }>>
}

export function GuestPasswordForm({ verify }: GuestPasswordFormProps) {
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const [error, setError] = useState<string | null>(null)
  const [password, setPassword] = useState('')

  const submit = () =>
    startTransition(async () => {
      const result = await verify({ password })
      if (!result.ok) {
        setError(result.error.message)
        return
      }
      setError(null)
      router.refresh()
    })

  return (
    <div className="mx-auto flex w-full max-w-sm flex-col gap-6 py-12">
      <div className="flex flex-col items-center gap-3 text-center">
        <div className="flex size-12 items-center justify-center rounded-full border border-border bg-muted">
          <LockKeyhole className="size-5 text-muted-foreground" aria-hidden />
        </div>
        <h1 className="text-xl font-semibold tracking-tight">This review is protected</h1>
        <p className="text-sm text-muted-foreground">Enter the password you were given with the link.</p>
      </div>
      <Card>
        <CardContent>
          <form
            className="flex flex-col gap-4"
            noValidate
            onSubmit={(event) => {
              event.preventDefault()
              submit()
            }}
          >
            <Field id="guest-password" label="Password">
              <Input
                id="guest-password"
                type="password"
                autoComplete="current-password"
                autoFocus
                required
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                {...describedBy('guest-password', { errors: error ? [error] : undefined })}
              />
            </Field>
            {error ? <FormAlert>{error}</FormAlert> : null}
            <Button type="submit" pending={pending} disabled={password.length === 0} className="w-full">
              Continue
            </Button>
          </form>
        </CardContent>
      </Card>
    </div>
  )
}
