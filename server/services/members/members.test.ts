import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '@/db/test-database'
import type { DatabaseHandle } from '@/db/client'
import { findMembership } from '@/db/queries/memberships'
import { activityKinds, addMember, outcome, seedTeam, seedUser } from '@/server/services/testing/fixtures'
import { changeMemberRole } from './change-member-role'
import { listMembers } from './list-members'
import { removeMember } from './remove-member'

describe('members', () => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await openTestDatabase()
  })
  afterAll(() => handle.close())

  it('lists everyone with role and join time, to any member', async () => {
    const team = await seedTeam()
    const members = await listMembers({ actor: team.viewer, workspaceId: team.workspaceId })
    expect(members.map((m) => [m.name, m.role])).toEqual([
      ['Team Owner', 'owner'],
      ['Team Editor', 'editor'],
      ['Team Commenter', 'commenter'],
      ['Team Viewer', 'viewer'],
    ])
    expect(members[0]).toMatchObject({ userId: team.owner.userId, email: team.owner.email, joinedAt: expect.any(Date) })
  })

  it('lets an owner change roles and records it', async () => {
    const team = await seedTeam()
    await changeMemberRole({ actor: team.owner, workspaceId: team.workspaceId, userId: team.viewer.userId, role: 'editor' })
    expect(await findMembership(handle.db, team.workspaceId, team.viewer.userId)).toEqual({ role: 'editor' })
    expect(await activityKinds(team.workspaceId)).toContain('member.role_changed')
    expect(await outcome(() => changeMemberRole({ actor: team.editor, workspaceId: team.workspaceId, userId: team.viewer.userId, role: 'owner' }))).toBe('FORBIDDEN')
  })

  it('never demotes or removes the last owner, with a clear message', async () => {
    const team = await seedTeam()
    await expect(changeMemberRole({ actor: team.owner, workspaceId: team.workspaceId, userId: team.owner.userId, role: 'editor' })).rejects.toMatchObject({
      code: 'CONFLICT',
      userMessage: expect.stringMatching(/at least one owner/),
    })
    await expect(removeMember({ actor: team.owner, workspaceId: team.workspaceId, userId: team.owner.userId })).rejects.toMatchObject({
      code: 'CONFLICT',
      userMessage: expect.stringMatching(/last owner/),
    })
    expect(await findMembership(handle.db, team.workspaceId, team.owner.userId)).toEqual({ role: 'owner' })
  })

  it('lets one of two owners step down, but not both', async () => {
    const team = await seedTeam()
    await changeMemberRole({ actor: team.owner, workspaceId: team.workspaceId, userId: team.editor.userId, role: 'owner' })
    await changeMemberRole({ actor: team.owner, workspaceId: team.workspaceId, userId: team.owner.userId, role: 'viewer' })
    expect(await outcome(() => changeMemberRole({ actor: team.editor, workspaceId: team.workspaceId, userId: team.editor.userId, role: 'viewer' }))).toBe('CONFLICT')
  })

  it('never leaves a workspace ownerless when two owners demote each other at once', async () => {
    const team = await seedTeam()
    await changeMemberRole({ actor: team.owner, workspaceId: team.workspaceId, userId: team.editor.userId, role: 'owner' })
    const results = await Promise.all([
      outcome(() => changeMemberRole({ actor: team.owner, workspaceId: team.workspaceId, userId: team.editor.userId, role: 'viewer' })),
      outcome(() => changeMemberRole({ actor: team.editor, workspaceId: team.workspaceId, userId: team.owner.userId, role: 'viewer' })),
    ])
    expect(results.filter((r) => r === 'ok')).toHaveLength(1)
    const owners = (await listMembers({ actor: team.commenter, workspaceId: team.workspaceId })).filter((m) => m.role === 'owner')
    expect(owners).toHaveLength(1)
  })

  it('lets owners remove members and members leave; nobody else removes anyone', async () => {
    const team = await seedTeam()
    expect(await outcome(() => removeMember({ actor: team.editor, workspaceId: team.workspaceId, userId: team.viewer.userId }))).toBe('FORBIDDEN')
    await removeMember({ actor: team.owner, workspaceId: team.workspaceId, userId: team.viewer.userId })
    expect(await findMembership(handle.db, team.workspaceId, team.viewer.userId)).toBeNull()
    await removeMember({ actor: team.commenter, workspaceId: team.workspaceId, userId: team.commenter.userId })
    expect(await findMembership(handle.db, team.workspaceId, team.commenter.userId)).toBeNull()
    expect((await activityKinds(team.workspaceId)).filter((k) => k === 'member.removed')).toHaveLength(2)
  })

  it('answers NOT_FOUND for someone who is not a member', async () => {
    const team = await seedTeam()
    const outsider = await seedUser('Outsider')
    expect(await outcome(() => changeMemberRole({ actor: team.owner, workspaceId: team.workspaceId, userId: outsider.userId, role: 'viewer' }))).toBe('NOT_FOUND')
    expect(await outcome(() => removeMember({ actor: team.owner, workspaceId: team.workspaceId, userId: outsider.userId }))).toBe('NOT_FOUND')
    const otherTeam = await seedTeam('Other')
    await addMember(otherTeam.workspaceId, outsider, 'viewer')
    // A member of another workspace is still "not found" here.
    expect(await outcome(() => removeMember({ actor: team.owner, workspaceId: team.workspaceId, userId: otherTeam.owner.userId }))).toBe('NOT_FOUND')
  })
})
