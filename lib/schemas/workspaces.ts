import { z } from 'zod'
import { idField, nameField } from './common'

export const createWorkspaceInput = z.strictObject({ name: nameField('Workspace name') })
export type CreateWorkspaceInput = z.infer<typeof createWorkspaceInput>

export const renameWorkspaceInput = z.strictObject({
  workspaceId: idField('Workspace'),
  name: nameField('Workspace name'),
})
export type RenameWorkspaceInput = z.infer<typeof renameWorkspaceInput>
