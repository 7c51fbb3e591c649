'use client'

import Link from 'next/link'
import { useState } from 'react'
import { Check, ChevronsUpDown, Plus } from 'lucide-react'
import { Avatar } from '@/components/ui/avatar'
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu'
import { roleLabels, type Role } from '@/lib/roles'
import { CreateWorkspaceDialog } from '@/app/_components/create-workspace-dialog'

interface WorkspaceOption {
  id: string
  name: string
  role: Role
}

export function WorkspaceSwitcher({ workspaces, currentWorkspaceId }: { workspaces: WorkspaceOption[]; currentWorkspaceId: string }) {
  const [creating, setCreating] = useState(false)
  const current = workspaces.find((w) => w.id === currentWorkspaceId)
  return (
    <>
      {/* Not modal: the menu hands focus to the dialog it opens, and a modal menu would fight it for the page. */}
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger
          className="flex min-w-0 items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium transition-colors hover:bg-muted data-[state=open]:bg-muted"
          aria-label={`Workspace: ${current?.name ?? 'choose'}. Switch workspace`}
        >
          <Avatar name={current?.name ?? '?'} className="size-5 rounded-md text-[9px]" />
          <span className="max-w-48 truncate">{current?.name ?? 'Workspaces'}</span>
          <ChevronsUpDown className="size-3.5 text-muted-foreground" aria-hidden />
        </DropdownMenuTrigger>
        <DropdownMenuContent className="w-64">
          <DropdownMenuLabel>Workspaces</DropdownMenuLabel>
          {workspaces.map((workspace) => (
            <DropdownMenuItem key={workspace.id} asChild>
              <Link href={`/w/${workspace.id}`}>
                <Avatar name={workspace.name} className="size-5 rounded-md text-[9px]" />
                <span className="flex-1 truncate">{workspace.name}</span>
                <span className="text-xs text-subtle-foreground">{roleLabels[workspace.role]}</span>
                {workspace.id === currentWorkspaceId ? <Check aria-label="Current workspace" /> : <span className="size-4" />}
              </Link>
            </DropdownMenuItem>
          ))}
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setCreating(true)}>
            <Plus aria-hidden />
            New workspace
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <CreateWorkspaceDialog open={creating} onOpenChange={setCreating} />
    </>
  )
}
