'use client'

import { Archive, ArchiveRestore, Lock } from 'lucide-react'
import { useServerAction } from '@/components/forms/use-server-action'
import { Button } from '@/components/ui/button'
import { Card, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { archiveProjectAction } from '@/server/actions/projects/archive-project'

interface ArchiveProjectCardProps {
  projectId: string
  archived: boolean
  /** Viewers and commenters see the card with its button disabled. */
  canEdit: boolean
}

export function ArchiveProjectCard({ projectId, archived, canEdit }: ArchiveProjectCardProps) {
  const { run, pending } = useServerAction(archiveProjectAction, {
    success: archived ? 'Project restored from the archive' : 'Project archived',
  })
  const setArchived = async (next: boolean) => (await run({ projectId, archived: next })).ok
  return (
    <Card>
      <CardHeader className="pb-5">
        <CardTitle>{archived ? 'Archived' : 'Archive project'}</CardTitle>
        <CardDescription>
          {archived
            ? 'This project is read-only and listed under Archived on the dashboard. Restore it to work on it again.'
            : 'Archiving hides the project from the dashboard and makes it read-only. Nothing is deleted; you can restore it at any time.'}
        </CardDescription>
      </CardHeader>
      <CardFooter className="justify-between">
        {!canEdit ? (
          <p className="flex items-center gap-2 text-xs text-muted-foreground">
            <Lock className="size-3.5" aria-hidden />
            Editors and owners can archive and restore projects.
          </p>
        ) : (
          <span />
        )}
        {archived ? (
          <Button variant="secondary" size="sm" pending={pending} disabled={!canEdit} onClick={() => void setArchived(false)}>
            <ArchiveRestore aria-hidden />
            Restore project
          </Button>
        ) : (
          <ConfirmDialog
            trigger={
              <Button variant="secondary" size="sm" disabled={!canEdit}>
                <Archive aria-hidden />
                Archive project
              </Button>
            }
            title="Archive this project?"
            description="It leaves the dashboard and becomes read-only for everyone until it is restored. Nothing is deleted."
            confirmLabel="Archive project"
            pending={pending}
            onConfirm={() => setArchived(true)}
          />
        )}
      </CardFooter>
    </Card>
  )
}
