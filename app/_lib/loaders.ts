import { cache } from 'react'
import { getProject } from '@/server/services/projects/get-project'
import { getWorkspace } from '@/server/services/workspaces/get-workspace'
import { listWorkspaces } from '@/server/services/workspaces/list-workspaces'
import { orNotFound, requireActor } from './session'

// Layouts and pages of one request share these, so a page and its layout do not query twice.

export const loadWorkspace = cache(async (workspaceId: string) => {
  const actor = await requireActor(`/w/${workspaceId}`)
  const workspace = await orNotFound(getWorkspace({ actor, workspaceId }))
  return { actor, workspace }
})

export const loadProject = cache(async (projectId: string) => {
  const actor = await requireActor(`/p/${projectId}`)
  const project = await orNotFound(getProject({ actor, projectId }))
  return { actor, project }
})

export const loadMyWorkspaces = cache(async (callbackPath: string) => {
  const actor = await requireActor(callbackPath)
  return listWorkspaces({ actor })
})
