'use client'
// New link: what the guest may do, how long the link lasts, an optional password. The URL comes back once (only its
// hash is stored), so it is shown with a copy button until the dialog closes.
import { useId, useState, useTransition } from 'react'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'
import { CopyField } from '@/components/ui/copy-field'
import { Field, describedBy } from '@/components/ui/field'
import { FormAlert } from '@/components/ui/form-alert'
import { Input } from '@/components/ui/input'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'
import { expiryChoices, expiryDays, expiryLabels, type ExpiryChoice } from './expiry-choice'
import type { ShareLinksActions } from './share-links-api'

type Rights = 'view' | 'comment'

const rightsOptions: { value: Rights; label: string; description: string }[] = [
  { value: 'view', label: 'Can view', description: 'Watch the cut and read notes meant for them.' },
  { value: 'comment', label: 'Can comment', description: 'Also leave notes and drawings, approve or ask for changes.' },
]

interface CreateShareLinkFormProps {
  projectId: string
  reviewItemId: string
  create: ShareLinksActions['create']
  onCreated: () => void
}

export function CreateShareLinkForm({ projectId, reviewItemId, create, onCreated }: CreateShareLinkFormProps) {
  const id = useId()
  const [rights, setRights] = useState<Rights>('comment')
  const [canDownload, setCanDownload] = useState(false)
  const [expiry, setExpiry] = useState<ExpiryChoice>('7')
  const [date, setDate] = useState('')
  const [password, setPassword] = useState('')
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({})
  const [error, setError] = useState<string | null>(null)
  const [created, setCreated] = useState<{ url: string; passwordProtected: boolean } | null>(null)
  const [pending, startTransition] = useTransition()

  const submit = () => {
    setError(null)
    setFieldErrors({})
    const days = expiryDays(expiry, date)
    if (!days.ok) {
      setFieldErrors({ expiresInDays: [days.message] })
      return
    }
    if (password && password.length < 8) {
      setFieldErrors({ password: ['A link password needs at least 8 characters.'] })
      return
    }
    startTransition(async () => {
      const result = await create({
        projectId,
        reviewItemId,
        canComment: rights === 'comment',
        canDownload,
        ...(days.days !== undefined ? { expiresInDays: days.days } : {}),
        ...(password ? { password } : {}),
      })
      if (!result.ok) {
        setError(result.error.message)
        setFieldErrors(result.error.fieldErrors ?? {})
        toast.error(result.error.message)
        return
      }
      setCreated({ url: result.data.url, passwordProtected: password.length > 0 })
      setPassword('')
      onCreated()
    })
  }

  if (created) {
    return (
      <div className="flex flex-col gap-3 rounded-lg border border-primary/30 bg-primary/5 p-4" data-testid="share-link-created">
        <p className="text-sm font-medium">Your link is ready</p>
        <CopyField id={`${id}-url`} value={created.url} label="Review link" />
        <p className="text-xs text-muted-foreground">
          Copy it now: for safety only a fingerprint of the link is kept, so it cannot be shown again.
          {created.passwordProtected ? ' Send the password another way (not in the same message).' : null}
        </p>
        <Button type="button" variant="ghost" size="sm" className="self-start" onClick={() => setCreated(null)}>
          Create another link
        </Button>
      </div>
    )
  }

  return (
    <form
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
    >
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">People with the link</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {rightsOptions.map((option) => (
            <label
              key={option.value}
              className="flex cursor-pointer items-start gap-2.5 rounded-lg border border-border p-3 text-sm transition-colors hover:border-border-strong has-[:checked]:border-primary has-[:checked]:bg-accent has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring"
            >
              <input type="radio" name={`${id}-rights`} value={option.value} checked={rights === option.value} onChange={() => setRights(option.value)} className="mt-0.5 accent-(--color-primary)" />
              <span className="flex flex-col gap-0.5">
                <span className="font-medium">{option.label}</span>
                <span className="text-xs text-muted-foreground">{option.description}</span>
              </span>
            </label>
          ))}
        </div>
        <label className="flex cursor-pointer items-center gap-2 text-sm">
          <input type="checkbox" checked={canDownload} onChange={(event) => setCanDownload(event.target.checked)} className="accent-(--color-primary)" />
          Allow downloading the original file
        </label>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-expiry`} label="Link expires" errors={fieldErrors.expiresInDays}>
          <div className="flex flex-col gap-2">
            <Select value={expiry} onValueChange={(value) => setExpiry(value as ExpiryChoice)}>
              <SelectTrigger id={`${id}-expiry`} aria-label="Link expires">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {expiryChoices.map((choice) => (
                  <SelectItem key={choice} value={choice}>
                    {expiryLabels[choice]}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
            {expiry === 'date' ? (
              <Input
                type="date"
                aria-label="Last day the link works"
                value={date}
                onChange={(event) => setDate(event.target.value)}
                {...describedBy(`${id}-expiry`, { errors: fieldErrors.expiresInDays })}
              />
            ) : null}
          </div>
        </Field>
        <Field id={`${id}-password`} label="Password (optional)" hint="At least 8 characters." errors={fieldErrors.password}>
          <Input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            {...describedBy(`${id}-password`, { errors: fieldErrors.password, hasHint: true })}
          />
        </Field>
      </div>

      {error ? <FormAlert>{error}</FormAlert> : null}
      <Button type="submit" pending={pending} className="self-end">
        Create link
      </Button>
    </form>
  )
}
