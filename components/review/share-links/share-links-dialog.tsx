'use client'
// "Share" on a review item: make a guest link (rights, expiry, password), copy it once, see and turn off existing
// links. No data access: the page passes the share-link server actions in (see share-links-api.ts).
import { useCallback, useState } from 'react'
import { Share2 } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog'
import { CreateShareLinkForm } from './create-share-link-form'
import { ShareLinkList } from './share-link-list'
import type { ShareLinkSummary, ShareLinksActions } from './share-links-api'

export interface ShareLinksDialogProps {
  projectId: string
  reviewItemId: string
  reviewTitle: string
  actions: ShareLinksActions
  /** The button that opens the dialog; a "Share" button when left out. */
  trigger?: React.ReactNode
}

export function ShareLinksDialog({ projectId, reviewItemId, reviewTitle, actions, trigger }: ShareLinksDialogProps) {
  const [open, setOpen] = useState(false)
  const [links, setLinks] = useState<ShareLinkSummary[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const { list } = actions

  const load = useCallback(async () => {
    const result = await list({ projectId, reviewItemId })
    if (result.ok) {
      setLinks(result.data)
      setLoadError(null)
    } else {
      setLoadError(result.error.message)
    }
  }, [list, projectId, reviewItemId])

  // Fetched on every opening, so links made or turned off elsewhere show up.
  const onOpenChange = (next: boolean) => {
    setOpen(next)
    if (next) void load()
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        {trigger ?? (
          <Button variant="secondary" size="sm">
            <Share2 aria-hidden /> Share
          </Button>
        )}
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] max-w-xl grid-cols-[minmax(0,1fr)] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>Share “{reviewTitle}”</DialogTitle>
          <DialogDescription>Anyone with a link can watch without an account. You choose what they may do, and can turn a link off at any time.</DialogDescription>
        </DialogHeader>
        <CreateShareLinkForm projectId={projectId} reviewItemId={reviewItemId} create={actions.create} onCreated={() => void load()} />
        <section className="flex flex-col gap-2 border-t border-border pt-4" aria-label="Existing links">
          <h3 className="text-sm font-medium">Links</h3>
          <ShareLinkList projectId={projectId} links={links} loadError={loadError} revoke={actions.revoke} onChanged={() => void load()} />
        </section>
      </DialogContent>
    </Dialog>
  )
}
