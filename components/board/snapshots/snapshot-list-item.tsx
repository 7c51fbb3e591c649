'use client'
// One saved version: who saved it and when, its counts, a read-only preview and Restore (with a confirmation).
import { useState } from 'react'
import { toast } from 'sonner'
import { History } from 'lucide-react'
import type { SnapshotPreview as Preview, SnapshotSummary } from '@/lib/schemas/boards'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import type { SnapshotApi } from './snapshot-api'
import { SnapshotPreview } from './snapshot-preview'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
const savedAt = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })

interface Props {
  projectId: string
  snapshot: SnapshotSummary
  api: SnapshotApi
  aspect: number
  disabledReason: string | null
}

export function SnapshotListItem({ projectId, snapshot, api, aspect, disabledReason }: Props) {
  const [preview, setPreview] = useState<Preview | null>(null)
  const [loading, setLoading] = useState(false)
  const [restoring, setRestoring] = useState(false)
  const ref = { projectId, snapshotId: snapshot.id }

  async function togglePreview() {
    if (preview) return setPreview(null)
    setLoading(true)
    const result = await api.preview(ref)
    setLoading(false)
    if (result.ok) setPreview(result.data)
    else toast.error(result.error.message)
  }

  async function restore(): Promise<boolean> {
    setRestoring(true)
    const result = await api.restore(ref)
    setRestoring(false)
    if (!result.ok) {
      toast.error(result.error.message)
      return false
    }
    toast.success(`Restored “${snapshot.name}”. Everyone with the board open sees it now.`)
    return true
  }

  return (
    <li className="flex flex-col gap-3 rounded-lg border border-border p-3" data-testid="snapshot-item">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="truncate font-medium">{snapshot.name}</p>
          <p className="text-xs text-muted-foreground">
            {snapshot.authorName ?? 'A former member'} · {savedAt(snapshot.createdAt)}
          </p>
          <p className="text-xs text-muted-foreground">
            {plural(snapshot.sceneCount, 'scene')} · {plural(snapshot.shotCount, 'shot')} · {plural(snapshot.panelCount, 'panel')}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <Button variant="outline" size="sm" pending={loading} onClick={togglePreview} aria-expanded={preview !== null}>
            {preview ? 'Hide preview' : 'Preview'}
          </Button>
          <ConfirmDialog
            trigger={
              <Button size="sm" disabled={disabledReason !== null} title={disabledReason ?? undefined}>
                <History aria-hidden /> Restore
              </Button>
            }
            title={`Restore “${snapshot.name}”?`}
            description="The board changes back to this version for everyone who has it open. It is saved as a new change: anything removed since comes back, anything added since goes. Save a version first if you may want today’s board again."
            confirmLabel="Restore this version"
            pending={restoring}
            onConfirm={restore}
          />
        </div>
      </div>
      {preview ? <SnapshotPreview preview={preview} aspect={aspect} /> : null}
    </li>
  )
}
