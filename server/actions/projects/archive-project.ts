'use server'
// Archives or restores a project (editors and owners).
import { archiveProjectInput } from '@/lib/schemas/projects'
import { archiveProject } from '@/server/services/projects/archive-project'
import { runAction } from '../run-action'

export async function archiveProjectAction(input: unknown) {
  return runAction(archiveProjectInput, input, (data, actor) => archiveProject({ ...data, actor }))
}
