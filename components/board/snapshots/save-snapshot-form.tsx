'use client'
// Names and saves the board as it is now.
import { useState } from 'react'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'
import { Field, describedBy } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import type { SnapshotApi } from './snapshot-api'

export function SaveSnapshotForm({ projectId, api, disabledReason, onSaved }: { projectId: string; api: SnapshotApi; disabledReason: string | null; onSaved: () => void }) {
  const [name, setName] = useState('')
  const [errors, setErrors] = useState<string[] | undefined>()
  const [pending, setPending] = useState(false)
  const id = 'snapshot-name'
  return (
    <form
      className="flex items-end gap-2"
      onSubmit={async (event) => {
        event.preventDefault()
        setPending(true)
        const result = await api.create({ projectId, name })
        setPending(false)
        if (!result.ok) {
          setErrors(result.error.fieldErrors?.name ?? [result.error.message])
          return
        }
        setErrors(undefined)
        setName('')
        toast.success(`Saved version “${name.trim()}”.`)
        onSaved()
      }}
    >
      <Field id={id} label="Save this board as a version" errors={errors} hint={disabledReason ?? undefined} className="flex-1">
        <Input id={id} value={name} maxLength={120} placeholder="e.g. Before the director’s notes" disabled={disabledReason !== null} onChange={(event) => setName(event.target.value)} {...describedBy(id, { errors, hasHint: disabledReason !== null })} />
      </Field>
      <Button type="submit" disabled={disabledReason !== null || name.trim() === ''} pending={pending}>
        Save version
      </Button>
    </form>
  )
}
