'use server'
// Renames a project (editors and owners).
import { renameProjectInput } from '@/lib/schemas/projects'
import { renameProject } from '@/server/services/projects/rename-project'
import { runAction } from '../run-action'

export async function renameProjectAction(input: unknown) {
  return runAction(renameProjectInput, input, (data, actor) => renameProject({ ...data, actor }))
}
