'use server'
// Renames a workspace (owners).
import { renameWorkspaceInput } from '@/lib/schemas/workspaces'
import { renameWorkspace } from '@/server/services/workspaces/rename-workspace'
import { runAction } from '../run-action'

export async function renameWorkspaceAction(input: unknown) {
  return runAction(renameWorkspaceInput, input, (data, actor) => renameWorkspace({ ...data, actor }))
}
