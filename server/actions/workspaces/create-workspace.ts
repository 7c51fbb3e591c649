'use server'
// Starts a new workspace owned by the caller.
import { createWorkspaceInput } from '@/lib/schemas/workspaces'
import { createWorkspace } from '@/server/services/workspaces/create-workspace'
import { runAction } from '../run-action'

export async function createWorkspaceAction(input: unknown) {
  return runAction(createWorkspaceInput, input, (data, actor) => createWorkspace({ ...data, actor }))
}
