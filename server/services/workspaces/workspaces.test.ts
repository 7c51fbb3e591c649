import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '@/db/test-database'
import type { DatabaseHandle } from '@/db/client'
import { activityKinds, addMember, outcome, seedTeam, seedUser } from '@/server/services/testing/fixtures'
import { archiveProject } from '@/server/services/projects/archive-project'
import { createProject } from '@/server/services/projects/create-project'
import { createPersonalWorkspace, personalWorkspaceName } from './create-personal-workspace'
import { createWorkspace } from './create-workspace'
import { getWorkspace } from './get-workspace'
import { listWorkspaces } from './list-workspaces'
import { renameWorkspace } from './rename-workspace'

describe('workspaces', () => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await openTestDatabase()
  })
  afterAll(() => handle.close())

  it('lets any signed-in user create one, as its owner, and nobody signed out', async () => {
    const sam = await seedUser('Sam')
    const { workspaceId } = await createWorkspace({ actor: sam, name: 'Night Shoot' })
    expect(await getWorkspace({ actor: sam, workspaceId })).toEqual({ id: workspaceId, name: 'Night Shoot', personal: false, role: 'owner' })
    expect(await activityKinds(workspaceId)).toEqual(['workspace.created'])
    expect(await outcome(() => createWorkspace({ actor: null, name: 'Nope' }))).toBe('UNAUTHENTICATED')
  })

  it("lists the caller's workspaces, own personal one first, with role and live project count", async () => {
    const ana = await seedUser('Ana')
    const personal = await createPersonalWorkspace({ user: { id: ana.userId, name: ana.name, email: ana.email } })
    const team = await seedTeam('Film')
    await addMember(team.workspaceId, ana, 'editor')
    await createProject({ actor: ana, workspaceId: team.workspaceId, name: 'Live', frameRate: '24', resolution: '1920x1080' })
    const old = await createProject({ actor: ana, workspaceId: team.workspaceId, name: 'Old', frameRate: '24', resolution: '1920x1080' })
    await archiveProject({ actor: ana, projectId: old.projectId, archived: true })

    expect(await listWorkspaces({ actor: ana })).toEqual([
      { id: personal.workspaceId, name: "Ana's workspace", personal: true, role: 'owner', projectCount: 0 },
      { id: team.workspaceId, name: 'Film workspace', personal: false, role: 'editor', projectCount: 1 },
    ])
    expect(await outcome(() => listWorkspaces({ actor: null }))).toBe('UNAUTHENTICATED')
  })

  it('renames for owners only, recording the old and new name', async () => {
    const team = await seedTeam()
    await renameWorkspace({ actor: team.owner, workspaceId: team.workspaceId, name: 'Renamed' })
    expect((await getWorkspace({ actor: team.viewer, workspaceId: team.workspaceId })).name).toBe('Renamed')
    expect(await activityKinds(team.workspaceId)).toContain('workspace.renamed')
    expect(await outcome(() => renameWorkspace({ actor: team.editor, workspaceId: team.workspaceId, name: 'Mine now' }))).toBe('FORBIDDEN')
    const nobody = await seedUser('Nobody')
    expect(await outcome(() => getWorkspace({ actor: nobody, workspaceId: team.workspaceId }))).toBe('NOT_FOUND')
  })

  it('names personal workspaces after the person, within 120 characters', () => {
    expect(personalWorkspaceName({ name: 'Ada', email: 'a@x.test' })).toBe("Ada's workspace")
    expect(personalWorkspaceName({ name: null, email: 'kurosawa@x.test' })).toBe("kurosawa's workspace")
    expect(personalWorkspaceName({ name: 'x'.repeat(200), email: 'a@x.test' })).toHaveLength(120)
  })
})
