'use client'
// Before the review: who is watching. The name goes on their notes and approvals, marked as a guest's.
import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { Button } from '@/components/ui/button'
import { Card, CardContent } from '@/components/ui/card'
import { Field, describedBy } from '@/components/ui/field'
import { FormAlert } from '@/components/ui/form-alert'
import { Input } from '@/components/ui/input'
import type { ActionResult } from '@/lib/action-result'

interface GuestNameFormProps {
  title: string
  sharedByName: string | null
  canComment: boolean
  setName(input: { name: string }): Promise<ActionResult<{ name: string }>>
}

export function GuestNameForm({ title, sharedByName, canComment, setName }: GuestNameFormProps) {
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const [error, setError] = useState<string | null>(null)
  const [name, setNameValue] = useState('')

  const submit = () =>
    startTransition(async () => {
      const result = await setName({ name })
      if (!result.ok) {
        setError(result.error.message)
        return
      }
      router.refresh()
    })

  return (
    <div className="mx-auto flex w-full max-w-sm flex-col gap-6 py-12">
      <div className="flex flex-col gap-1.5 text-center">
        <p className="text-sm text-muted-foreground">{sharedByName ? `${sharedByName} shared a review with you` : 'A review was shared with you'}</p>
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="guest-review-title">
          {title}
        </h1>
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
            <Field
              id="guest-name"
              label="Your name"
              hint={canComment ? 'Shown with your notes and approvals, so the team knows who said what.' : 'So the team knows who watched.'}
            >
              <Input
                id="guest-name"
                autoComplete="name"
                autoFocus
                maxLength={80}
                value={name}
                onChange={(event) => setNameValue(event.target.value)}
                {...describedBy('guest-name', { errors: error ? [error] : undefined, hasHint: true })}
              />
            </Field>
            {error ? <FormAlert>{error}</FormAlert> : null}
            <Button type="submit" pending={pending} disabled={name.trim().length === 0} className="w-full">
              Open the review
            </Button>
          </form>
        </CardContent>
      </Card>
      <p className="text-center text-xs text-subtle-foreground">No account needed. You only see notes the team chose to share with you.</p>
    </div>
  )
}
