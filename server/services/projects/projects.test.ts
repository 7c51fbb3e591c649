import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '@/db/test-database'
import type { DatabaseHandle } from '@/db/client'
import { activityKinds, outcome, seedTeam, seedUser } from '@/server/services/testing/fixtures'
import { archiveProject } from './archive-project'
import { createProject } from './create-project'
import { getProject } from './get-project'
import { listProjects } from './list-projects'
import { renameProject } from './rename-project'

describe('projects', () => {
  let handle: DatabaseHandle
  let team: Awaited<ReturnType<typeof seedTeam>>
  beforeAll(async () => {
    handle = await openTestDatabase()
    team = await seedTeam()
  })
  afterAll(() => handle.close())

  it('stores the frame rate as a rational with its drop-frame flag, the resolution and a canonical start timecode', async () => {
    const { projectId } = await createProject({ actor: team.editor, workspaceId: team.workspaceId, name: 'Pilot', frameRate: '29.97DF', resolution: '3840x2160', startTimecode: '00:59:58:00' })
    const project = await getProject({ actor: team.viewer, projectId })
    expect(project).toMatchObject({
      name: 'Pilot',
      workspaceId: team.workspaceId,
      workspaceName: 'Team workspace',
      role: 'viewer',
      fpsNumerator: 30000,
      fpsDenominator: 1001,
      dropFrame: true,
      width: 3840,
      height: 2160,
      startTimecode: '00:59:58;00',
      archivedAt: null,
      createdBy: team.editor.userId,
    })
    expect(await activityKinds(team.workspaceId)).toContain('project.created')
  })

  it('defaults the start timecode to 01:00:00:00 (01:00:00;00 for drop-frame)', async () => {
    const ndf = await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'A', frameRate: '24', resolution: '1920x1080' })
    const df = await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'B', frameRate: '59.94DF', resolution: '1920x1080' })
    expect((await getProject({ actor: team.owner, projectId: ndf.projectId })).startTimecode).toBe('01:00:00:00')
    expect((await getProject({ actor: team.owner, projectId: df.projectId })).startTimecode).toBe('01:00:00;00')
  })

  it('refuses an impossible start timecode with a reason', async () => {
    await expect(createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'C', frameRate: '25', resolution: '1920x1080', startTimecode: '01:00:00:25' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      userMessage: expect.stringMatching(/Frames go from 00 to 24/),
    })
  })

  it('lets editors and owners create, rename, archive and unarchive; commenters and viewers cannot', async () => {
    for (const actor of [team.commenter, team.viewer]) {
      expect(await outcome(() => createProject({ actor, workspaceId: team.workspaceId, name: 'X', frameRate: '24', resolution: '1920x1080' }))).toBe('FORBIDDEN')
    }
    const { projectId } = await createProject({ actor: team.editor, workspaceId: team.workspaceId, name: 'Draft', frameRate: '24', resolution: '1920x1080' })
    await renameProject({ actor: team.editor, projectId, name: 'Final' })
    expect(await outcome(() => renameProject({ actor: team.viewer, projectId, name: 'Hijacked' }))).toBe('FORBIDDEN')
    expect((await getProject({ actor: team.viewer, projectId })).name).toBe('Final')

    await archiveProject({ actor: team.editor, projectId, archived: true })
    await archiveProject({ actor: team.editor, projectId, archived: true }) // a double click writes one row
    expect((await listProjects({ actor: team.viewer, workspaceId: team.workspaceId })).map((p) => p.id)).not.toContain(projectId)
    expect((await listProjects({ actor: team.viewer, workspaceId: team.workspaceId, includeArchived: true })).map((p) => p.id)).toContain(projectId)
    await archiveProject({ actor: team.owner, projectId, archived: false })
    expect((await getProject({ actor: team.owner, projectId })).archivedAt).toBeNull()

    const kinds = await activityKinds(team.workspaceId)
    expect(kinds.filter((k) => k === 'project.renamed')).toHaveLength(1)
    expect(kinds.filter((k) => k === 'project.archived')).toHaveLength(1)
    expect(kinds.filter((k) => k === 'project.unarchived')).toHaveLength(1)
  })

  it('hides projects from non-members as NOT_FOUND', async () => {
    const { projectId } = await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'Secret', frameRate: '24', resolution: '1920x1080' })
    const stranger = await seedUser('Stranger')
    expect(await outcome(() => getProject({ actor: stranger, projectId }))).toBe('NOT_FOUND')
    expect(await outcome(() => listProjects({ actor: stranger, workspaceId: team.workspaceId }))).toBe('NOT_FOUND')
    expect(await outcome(() => getProject({ actor: null, projectId }))).toBe('UNAUTHENTICATED')
  })

  it('lists newest first with every column', async () => {
    const team2 = await seedTeam('Order')
    await createProject({ actor: team2.owner, workspaceId: team2.workspaceId, name: 'First', frameRate: '24', resolution: '1920x1080' })
    await createProject({ actor: team2.owner, workspaceId: team2.workspaceId, name: 'Second', frameRate: '25', resolution: '1280x720' })
    const list = await listProjects({ actor: team2.viewer, workspaceId: team2.workspaceId })
    expect(list.map((p) => p.name)).toEqual(['Second', 'First'])
    expect(Object.keys(list[0]!).sort()).toEqual(
      ['archivedAt', 'createdAt', 'createdBy', 'dropFrame', 'fpsDenominator', 'fpsNumerator', 'height', 'id', 'name', 'startTimecode', 'width', 'workspaceId'].sort(),
    )
  })
})
