// A workspace's frame: the top bar, the workspace name and its section tabs. Non-members get the 404 page.
import { TabNav } from '@/components/layout/tab-nav'
import { Badge } from '@/components/ui/badge'
import { roleLabels } from '@/lib/roles'
import { loadMyWorkspaces, loadWorkspace } from '@/app/_lib/loaders'
import { AppTopBar } from '../../_components/app-top-bar'

export default async function WorkspaceLayout({
  params,
  children,
}: {
  params: Promise<{ workspaceId: string }>
  children: React.ReactNode
}) {
  const { workspaceId } = await params
  const { actor, workspace } = await loadWorkspace(workspaceId)
  const workspaces = await loadMyWorkspaces(`/w/${workspaceId}`)
  const base = `/w/${workspace.id}`
  return (
    <div className="flex min-h-screen flex-col">
      <AppTopBar actor={actor} workspaces={workspaces} currentWorkspaceId={workspace.id} />
      <div className="border-b border-border bg-surface/40">
        <div className="mx-auto flex w-full max-w-6xl flex-col gap-4 px-6 pt-6">
          <div className="flex min-w-0 items-center gap-3">
            <h1 className="truncate text-2xl font-semibold tracking-tight">{workspace.name}</h1>
            <Badge variant="outline" title="Your role in this workspace">
              {roleLabels[workspace.role]}
            </Badge>
          </div>
          <TabNav
            label="Workspace"
            items={[
              { href: base, label: 'Projects', exact: true },
              { href: `${base}/members`, label: 'Members' },
              { href: `${base}/activity`, label: 'Activity' },
              { href: `${base}/settings`, label: 'Settings' },
            ]}
          />
        </div>
      </div>
      {children}
    </div>
  )
}
