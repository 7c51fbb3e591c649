import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '@/db/test-database'
import type { DatabaseHandle } from '@/db/client'
import { outcome, seedTeam, seedUser } from '@/server/services/testing/fixtures'
import { acceptInvitation } from '@/server/services/members/accept-invitation'
import { changeMemberRole } from '@/server/services/members/change-member-role'
import { createInvitation } from '@/server/services/members/create-invitation'
import { createProject } from '@/server/services/projects/create-project'
import { renameProject } from '@/server/services/projects/rename-project'
import { listActivity } from './list-activity'

describe('listActivity', () => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await openTestDatabase()
  })
  afterAll(() => handle.close())

  it('tells the story of a workspace newest first, naming who did what', async () => {
    const team = await seedTeam()
    const { projectId } = await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'Opening', frameRate: '29.97DF', resolution: '1920x1080' })
    const { url } = await createInvitation({ actor: team.owner, workspaceId: team.workspaceId, role: 'viewer' })
    const joiner = await seedUser('Joiner')
    await acceptInvitation({ actor: joiner, token: url.split('/invite/')[1]! })
    await changeMemberRole({ actor: team.owner, workspaceId: team.workspaceId, userId: joiner.userId, role: 'editor' })
    await renameProject({ actor: joiner, projectId, name: 'Opening titles' })

    const entries = await listActivity({ actor: team.viewer, workspaceId: team.workspaceId })
    expect(entries.map((e) => [e.kind, e.actorName])).toEqual([
      ['project.renamed', 'Joiner'],
      ['member.role_changed', 'Team Owner'],
      ['member.joined', 'Joiner'],
      ['member.invited', 'Team Owner'],
      ['project.created', 'Team Owner'],
      ['workspace.created', 'Team Owner'],
    ])
    expect(entries[0]).toMatchObject({ projectId, projectName: 'Opening titles', data: { from: 'Opening', to: 'Opening titles' }, createdAt: expect.any(Date) })
    expect(entries[1]!.data).toMatchObject({ userId: joiner.userId, from: 'viewer', to: 'editor' })

    const projectOnly = await listActivity({ actor: team.viewer, workspaceId: team.workspaceId, projectId })
    expect(projectOnly.map((e) => e.kind)).toEqual(['project.renamed', 'project.created'])
    expect(await listActivity({ actor: team.viewer, workspaceId: team.workspaceId, limit: 2 })).toHaveLength(2)
  })

  it("refuses non-members and another workspace's project", async () => {
    const team = await seedTeam('A')
    const other = await seedTeam('B')
    const { projectId } = await createProject({ actor: other.owner, workspaceId: other.workspaceId, name: 'Theirs', frameRate: '24', resolution: '1920x1080' })
    expect(await outcome(() => listActivity({ actor: team.owner, workspaceId: other.workspaceId }))).toBe('NOT_FOUND')
    expect(await outcome(() => listActivity({ actor: team.owner, workspaceId: team.workspaceId, projectId }))).toBe('NOT_FOUND')
    expect(await outcome(() => listActivity({ actor: null, workspaceId: team.workspaceId }))).toBe('UNAUTHENTICATED')
  })
})
