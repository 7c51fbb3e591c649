'use client'

import { useState } from 'react'
import { Lock } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card'
import { describedBy, Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'

interface NameSettingFormProps {
  id: string
  title: string
  description: string
  label: string
  initialName: string
  /** Why this person may not change it; the field is disabled and this is said instead of a save button. */
  readOnlyReason?: string
  pending: boolean
  errors?: string[]
  onSubmit: (name: string) => void
}

/**
 * A settings card for renaming something. The form never checks permission itself: disabling is a courtesy,
 * the server is the one that refuses (and the e2e suite checks that it does).
 */
export function NameSettingForm({ id, title, description, label, initialName, readOnlyReason, pending, errors, onSubmit }: NameSettingFormProps) {
  const [name, setName] = useState(initialName)
  const readOnly = Boolean(readOnlyReason)
  const unchanged = name.trim() === initialName
  return (
    <Card>
      <form
        noValidate
        aria-labelledby={`${id}-title`}
        onSubmit={(event) => {
          event.preventDefault()
          onSubmit(name)
        }}
      >
        <CardHeader>
          <CardTitle id={`${id}-title`}>{title}</CardTitle>
          <CardDescription>{description}</CardDescription>
        </CardHeader>
        <CardContent>
          <Field id={id} label={label} errors={errors} className="max-w-md">
            <Input
              id={id}
              name="name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              disabled={readOnly}
              autoComplete="off"
              {...describedBy(id, { errors })}
            />
          </Field>
        </CardContent>
        <CardFooter className="justify-between">
          {readOnlyReason ? (
            <p className="flex items-center gap-2 text-xs text-muted-foreground" data-testid="read-only-reason">
              <Lock className="size-3.5" aria-hidden />
              {readOnlyReason}
            </p>
          ) : (
            <span />
          )}
          <Button type="submit" size="sm" pending={pending} disabled={readOnly || unchanged}>
            Save
          </Button>
        </CardFooter>
      </form>
    </Card>
  )
}
