'use client'
// The item's links, newest first: what each allows, who made it, until when, whether anyone came in, and a way to
// turn it off (asked first: guests lose access at once, and a link cannot be turned back on).
import { useState } from 'react'
import { KeyRound, Link2, Link2Off } from 'lucide-react'
import { toast } from 'sonner'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { shareLinkStatus, type ShareLinkStatus, type ShareLinkSummary, type ShareLinksActions } from './share-links-api'

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' })
const dateTimeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' })

const statusBadges: Record<ShareLinkStatus, { label: string; variant: 'success' | 'neutral' | 'destructive' }> = {
  active: { label: 'Active', variant: 'success' },
  expired: { label: 'Expired', variant: 'neutral' },
  revoked: { label: 'Turned off', variant: 'destructive' },
}

interface ShareLinkListProps {
  projectId: string
  links: ShareLinkSummary[] | null
  loadError: string | null
  revoke: ShareLinksActions['revoke']
  onChanged: () => void
}

export function ShareLinkList({ projectId, links, loadError, revoke, onChanged }: ShareLinkListProps) {
  if (loadError) return <p className="text-sm text-destructive">{loadError}</p>
  if (!links) {
    return (
      <div className="flex flex-col gap-2" aria-busy="true" aria-label="Loading links">
        {[0, 1].map((key) => (
          <div key={key} className="h-16 animate-pulse rounded-lg bg-muted" />
        ))}
      </div>
    )
  }
  if (links.length === 0) {
    return (
      <div className="flex items-center gap-3 rounded-lg border border-dashed border-border px-4 py-5 text-sm text-muted-foreground">
        <Link2 className="size-4 shrink-0" aria-hidden />
        No links yet. Create one above and send it to your client; they will not need an account.
      </div>
    )
  }
  return (
    <ul className="flex flex-col divide-y divide-border rounded-lg border border-border" data-testid="share-link-list">
      {links.map((link) => (
        <ShareLinkRow key={link.id} projectId={projectId} link={link} revoke={revoke} onChanged={onChanged} />
      ))}
    </ul>
  )
}

function ShareLinkRow({ projectId, link, revoke, onChanged }: { projectId: string; link: ShareLinkSummary; revoke: ShareLinksActions['revoke']; onChanged: () => void }) {
  const [pending, setPending] = useState(false)
  const status = shareLinkStatus(link)
  const badge = statusBadges[status]
  const rights = [link.canComment ? 'Can comment' : 'Can view', link.canDownload ? 'Can download' : null].filter(Boolean).join(' · ')
  const expiry = link.expiresAt ? `${status === 'expired' ? 'Expired' : 'Expires'} ${dateFormat.format(new Date(link.expiresAt))}` : 'Never expires'
  const guests =
    link.guestCount === 0
      ? 'Nobody has opened it yet'
      : `${link.guestCount} ${link.guestCount === 1 ? 'guest' : 'guests'}, latest ${dateTimeFormat.format(new Date(link.lastGuestAt ?? link.createdAt))}`

  return (
    <li className="flex items-center gap-3 px-4 py-3" data-testid="share-link-row" data-status={status}>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex flex-wrap items-center gap-1.5">
          <Badge variant={badge.variant}>{badge.label}</Badge>
          <span className="text-sm font-medium">{rights}</span>
          {link.passwordProtected ? (
            <Badge variant="outline">
              <KeyRound aria-hidden /> Password
            </Badge>
          ) : null}
        </div>
        <p className="truncate text-xs text-muted-foreground">
          {link.createdByName ? `${link.createdByName} · ` : ''}
          {dateFormat.format(new Date(link.createdAt))} · {expiry}
          {link.revokedAt ? ` · Turned off ${dateTimeFormat.format(new Date(link.revokedAt))}` : ''}
        </p>
        <p className="text-xs text-subtle-foreground">{guests}</p>
      </div>
      {status === 'active' ? (
        <ConfirmDialog
          trigger={
            <Button variant="destructive-ghost" size="sm">
              <Link2Off aria-hidden /> Turn off
            </Button>
          }
          title="Turn this link off?"
          description="Anyone using it loses access within seconds, including video that is playing. This cannot be undone; you can always create a new link."
          confirmLabel="Turn off link"
          destructive
          pending={pending}
          onConfirm={async () => {
            setPending(true)
            const result = await revoke({ projectId, shareLinkId: link.id })
            setPending(false)
            if (!result.ok) {
              toast.error(result.error.message)
              return false
            }
            toast.success('Link turned off')
            onChanged()
            return true
          }}
        />
      ) : null}
    </li>
  )
}
