'use client'

import { useState } from 'react'
import { Link2, UserPlus } from 'lucide-react'
import { useServerAction } from '@/components/forms/use-server-action'
import { RoleSelect } from '@/components/members/role-select'
import { Button } from '@/components/ui/button'
import { CopyField } from '@/components/ui/copy-field'
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog'
import { describedBy, Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'
import { roleLabels, type Role } from '@/lib/roles'
import { invitationExpiry } from '@/lib/schemas/members'
import { createInvitationAction } from '@/server/actions/members/create-invitation'

const expiryChoices = [1, 7, 14, 30].filter((days) => days >= invitationExpiry.minDays && days <= invitationExpiry.maxDays)
const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' })

interface CreatedLink {
  url: string
  role: Role
  expiresAt: Date
}

/** Makes an invitation link. The link is shown once, here: only its hash is stored, so it cannot be shown again. */
export function InviteDialog({ workspaceId }: { workspaceId: string }) {
  const [open, setOpen] = useState(false)
  const [role, setRole] = useState<Role>('editor')
  const [email, setEmail] = useState('')
  const [days, setDays] = useState<number>(invitationExpiry.defaultDays)
  const [created, setCreated] = useState<CreatedLink | null>(null)
  const { run, pending, fieldErrors, clearErrors } = useServerAction(createInvitationAction, {
    success: 'Invitation link created',
    onSuccess: (data) => setCreated({ url: data.url, role, expiresAt: new Date(data.expiresAt) }),
  })

  const reset = () => {
    setRole('editor')
    setEmail('')
    setDays(invitationExpiry.defaultDays)
    setCreated(null)
    clearErrors()
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (!next) reset()
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden />
          Invite people
        </Button>
      </DialogTrigger>
      <DialogContent>
        {created ? (
          <div className="grid gap-5">
            <DialogHeader>
              <DialogTitle>Share this link</DialogTitle>
              <DialogDescription>
                Anyone who opens it can join as {roleLabels[created.role].toLowerCase()} until {dateFormat.format(created.expiresAt)}.
                Copy it now: for safety it is shown only once.
              </DialogDescription>
            </DialogHeader>
            <CopyField id="invitation-link" value={created.url} label="Invitation link" />
            <DialogFooter>
              <Button type="button" variant="ghost" onClick={() => setCreated(null)}>
                <Link2 aria-hidden />
                Create another
              </Button>
              <DialogClose asChild>
                <Button type="button">Done</Button>
              </DialogClose>
            </DialogFooter>
          </div>
        ) : (
          <form
            className="grid gap-5"
            noValidate
            onSubmit={(event) => {
              event.preventDefault()
              void run({ workspaceId, role, email: email.trim() || undefined, expiresInDays: days })
            }}
          >
            <DialogHeader>
              <DialogTitle>Invite by link</DialogTitle>
              <DialogDescription>Create a link to send however you like. Whoever opens it signs up or signs in, then joins.</DialogDescription>
            </DialogHeader>
            <Field id="invite-role" label="Role" errors={fieldErrors.role}>
              <RoleSelect id="invite-role" value={role} onValueChange={setRole} />
            </Field>
            <Field
              id="invite-email"
              label={
                <>
                  Email <span className="font-normal text-muted-foreground">(optional)</span>
                </>
              }
              hint="Only this address may use the link. Leave empty for anyone who has it."
              errors={fieldErrors.email}
            >
              <Input
                id="invite-email"
                type="email"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                placeholder="name@studio.com"
                autoComplete="off"
                {...describedBy('invite-email', { errors: fieldErrors.email, hasHint: true })}
              />
            </Field>
            <Field id="invite-expiry" label="Link expires after" errors={fieldErrors.expiresInDays}>
              <Select value={String(days)} onValueChange={(value) => setDays(Number(value))}>
                <SelectTrigger id="invite-expiry">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {expiryChoices.map((choice) => (
                    <SelectItem key={choice} value={String(choice)}>
                      {choice === 1 ? '1 day' : `${choice} days`}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </Field>
            <DialogFooter>
              <DialogClose asChild>
                <Button type="button" variant="ghost">
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" pending={pending}>
                Create link
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  )
}
