'use client'

import { useState } from 'react'
import { Clapperboard } from 'lucide-react'
import { StatusPage } from '@/components/layout/status-page'
import { Button } from '@/components/ui/button'
import { CreateWorkspaceDialog } from './create-workspace-dialog'

/** Shown to a signed-in person who belongs to no workspace: start one, or wait for an invitation link. */
export function NoWorkspace() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <StatusPage
        icon={Clapperboard}
        title="You are not in any workspace"
        description="Create a workspace for your team, or open an invitation link someone sent you."
        actions={<Button onClick={() => setOpen(true)}>New workspace</Button>}
      />
      <CreateWorkspaceDialog open={open} onOpenChange={setOpen} />
    </>
  )
}
