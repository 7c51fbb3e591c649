'use client'

import { useState } from 'react'
import { Button } from './button'
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from './dialog'

interface ConfirmDialogProps {
  /** The button that opens the dialog. */
  trigger: React.ReactNode
  title: string
  description: React.ReactNode
  confirmLabel: string
  destructive?: boolean
  pending?: boolean
  /** Return true to close the dialog (e.g. the action succeeded); false keeps it open to try again. */
  onConfirm: () => Promise<boolean>
}

/** Asks before doing something that is hard to undo. Esc or Cancel backs out; focus starts on Cancel. */
export function ConfirmDialog({ trigger, title, description, confirmLabel, destructive = false, pending, onConfirm }: ConfirmDialogProps) {
  const [open, setOpen] = useState(false)
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="max-w-md">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="ghost" autoFocus>
              Cancel
            </Button>
          </DialogClose>
          <Button
            type="button"
            variant={destructive ? 'destructive' : 'primary'}
            pending={pending}
            onClick={async () => {
              if (await onConfirm()) setOpen(false)
            }}
          >
            {confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  )
}
