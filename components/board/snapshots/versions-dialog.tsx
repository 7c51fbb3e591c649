'use client'
// "Versions": save the board under a name, look back at saved versions, restore one. Opened from the board toolbar;
// viewers and commenters can look but not save or restore, and are told why.
import { useCallback, useState } from 'react'
import { useParams } from 'next/navigation'
import { History } from 'lucide-react'
import type { SnapshotSummary } from '@/lib/schemas/boards'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog'
import { useSnapshotApi, type SnapshotApi } from './snapshot-api'
import { SaveSnapshotForm } from './save-snapshot-form'
import { SnapshotListItem } from './snapshot-list-item'

interface Props {
  /** Why this person cannot change the board (the board's own read-only reason), or null. */
  readOnlyReason: string | null
  aspect?: number
  api?: SnapshotApi
}

/** Renders nothing when the page provides no snapshot actions (e.g. a read-only preview of the board). */
export function VersionsDialog({ api, ...props }: Props) {
  const provided = useSnapshotApi()
  const resolved = api ?? provided
  return resolved ? <VersionsDialogBody {...props} api={resolved} /> : null
}

function VersionsDialogBody({ readOnlyReason, aspect = 16 / 9, api }: Props & { api: SnapshotApi }) {
  const { projectId } = useParams<{ projectId: string }>()
  const [open, setOpen] = useState(false)
  const [snapshots, setSnapshots] = useState<SnapshotSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  const refresh = useCallback(async () => {
    const result = await api.list({ projectId })
    if (result.ok) {
      setSnapshots(result.data)
      setError(null)
    } else {
      setError(result.error.message)
    }
  }, [api, projectId])

  // Fetched on each opening, so a version someone else saved meanwhile is there.
  const onOpenChange = (next: boolean) => {
    setOpen(next)
    if (next) void refresh()
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <History aria-hidden /> Versions
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>Versions</DialogTitle>
          <DialogDescription>Saved versions of this board, newest first. Restoring one changes the live board for everyone.</DialogDescription>
        </DialogHeader>
        <SaveSnapshotForm projectId={projectId} api={api} disabledReason={readOnlyReason} onSaved={() => void refresh()} />
        {error ? <p className="text-sm text-destructive">{error}</p> : null}
        {snapshots === null && !error ? <p className="text-sm text-muted-foreground">Loading versions…</p> : null}
        {snapshots?.length === 0 ? <p className="text-sm text-muted-foreground">No versions yet. Save one before a big change.</p> : null}
        {snapshots && snapshots.length > 0 ? (
          <ul className="flex flex-col gap-3" aria-label="Saved versions">
            {snapshots.map((snapshot) => (
              <SnapshotListItem key={snapshot.id} projectId={projectId} snapshot={snapshot} api={api} aspect={aspect} disabledReason={readOnlyReason} />
            ))}
          </ul>
        ) : null}
      </DialogContent>
    </Dialog>
  )
}
