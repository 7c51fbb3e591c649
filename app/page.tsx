// The front door: signed-in people go to their first workspace, everyone else to sign-in.
import { redirect } from 'next/navigation'
import { listWorkspaces } from '@/server/services/workspaces/list-workspaces'
import { currentActor } from './_lib/session'
import { NoWorkspace } from './_components/no-workspace'

export default async function HomePage() {
  const actor = await currentActor()
  if (!actor) redirect('/sign-in')
  const [first] = await listWorkspaces({ actor })
  if (first) redirect(`/w/${first.id}`)
  // Possible after leaving or being removed from every workspace.
  return <NoWorkspace />
}
