'use client'
// "New review": a title, then straight to the item's page where the first cut is uploaded.
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { Plus } from 'lucide-react'
import { useServerAction } from '@/components/forms/use-server-action'
import { Button } from '@/components/ui/button'
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog'
import { describedBy, Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { createReviewItemAction } from '@/server/actions/review/create-review-item'

export function NewReviewDialog({ projectId }: { projectId: string }) {
  const router = useRouter()
  const [open, setOpen] = useState(false)
  const [title, setTitle] = useState('')
  const { run, pending, fieldErrors, clearErrors } = useServerAction(createReviewItemAction, {
    refresh: false,
    onSuccess: ({ reviewItemId }) => router.push(`/p/${projectId}/review/${reviewItemId}`),
  })
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (!next) {
          setTitle('')
          clearErrors()
        }
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden />
          New review
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form
          className="grid gap-5"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            void run({ projectId, title, kind: 'cut' })
          }}
        >
          <DialogHeader>
            <DialogTitle>New review</DialogTitle>
            <DialogDescription>Name the cut; next you upload its first version and the team can start leaving notes.</DialogDescription>
          </DialogHeader>
          <Field id="review-title" label="Title" errors={fieldErrors.title}>
            <Input
              id="review-title"
              value={title}
              onChange={(event) => setTitle(event.target.value)}
              placeholder="e.g. Teaser — director's cut"
              autoComplete="off"
              autoFocus
              {...describedBy('review-title', { errors: fieldErrors.title })}
            />
          </Field>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="ghost">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" pending={pending}>
              Create and upload
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  )
}
