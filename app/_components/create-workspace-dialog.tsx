'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useServerAction } from '@/components/forms/use-server-action'
import { Button } from '@/components/ui/button'
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { describedBy, Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { createWorkspaceAction } from '@/server/actions/workspaces/create-workspace'

export function CreateWorkspaceDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const router = useRouter()
  const [name, setName] = useState('')
  const { run, pending, fieldErrors } = useServerAction(createWorkspaceAction, {
    success: 'Workspace created',
    refresh: false,
    onSuccess: ({ workspaceId }) => {
      onOpenChange(false)
      setName('')
      router.push(`/w/${workspaceId}`)
    },
  })

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form
          className="grid gap-5"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            void run({ name })
          }}
        >
          <DialogHeader>
            <DialogTitle>New workspace</DialogTitle>
            <DialogDescription>
              A workspace is one team: its members, their roles and its projects. You will be its owner.
            </DialogDescription>
          </DialogHeader>
          <Field id="workspace-name" label="Workspace name" errors={fieldErrors.name}>
            <Input
              id="workspace-name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              placeholder="e.g. Northlight Films"
              autoComplete="off"
              autoFocus
              {...describedBy('workspace-name', { errors: fieldErrors.name })}
            />
          </Field>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="ghost">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" pending={pending}>
              Create workspace
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  )
}
