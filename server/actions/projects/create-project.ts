'use server'
// Creates a project with a frame rate, resolution and start timecode (editors and owners).
import { createProjectInput } from '@/lib/schemas/projects'
import { createProject } from '@/server/services/projects/create-project'
import { runAction } from '../run-action'

export async function createProjectAction(input: unknown) {
  return runAction(createProjectInput, input, (data, actor) => createProject({ ...data, actor }))
}
