import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { openTestDatabase } from '@/db/test-database'
import type { DatabaseHandle } from '@/db/client'
import { invitations, memberships } from '@/db/schema'
import { findMembership } from '@/db/queries/memberships'
import { activityKinds, outcome, seedTeam, seedUser } from '@/server/services/testing/fixtures'
import { acceptInvitation } from './accept-invitation'
import { createInvitation } from './create-invitation'
import { getInvitationPreview } from './get-invitation-preview'
import { listInvitations } from './list-invitations'
import { revokeInvitation } from './revoke-invitation'

const tokenOf = (url: string) => url.split('/invite/')[1]!

describe('invitation lifecycle', () => {
  let handle: DatabaseHandle
  let team: Awaited<ReturnType<typeof seedTeam>>
  beforeAll(async () => {
    process.env.APP_URL = 'https://storyreel.example'
    handle = await openTestDatabase()
    team = await seedTeam()
  })
  afterAll(() => handle.close())

  it('creates a link with a 43-character token, stores only its SHA-256, and expires in 7 days by default', async () => {
    const before = Date.now()
    const { url, invitationId, expiresAt } = await createInvitation({ actor: team.owner, workspaceId: team.workspaceId, role: 'viewer' })
    expect(url).toMatch(/^https:\/\/storyreel\.example\/invite\/[A-Za-z0-9_-]{43}$/)
    const [row] = await handle.db.select().from(invitations).where(eq(invitations.id, invitationId))
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(row)).not.toContain(tokenOf(url))
    const days = (expiresAt.getTime() - before) / 86_400_000
    expect(days).toBeGreaterThan(6.99)
    expect(days).toBeLessThan(7.01)
    expect(await activityKinds(team.workspaceId)).toContain('member.invited')
  })

  it('refuses expiry outside 1–30 days', async () => {
    for (const expiresInDays of [0, 31]) {
      expect(await outcome(() => createInvitation({ actor: team.owner, workspaceId: team.workspaceId, role: 'viewer', expiresInDays }))).toBe('BAD_REQUEST')
    }
  })

  it('lets a newcomer preview and accept once; a second accept is harmless, someone else gets GONE', async () => {
    const { url } = await createInvitation({ actor: team.owner, workspaceId: team.workspaceId, role: 'commenter' })
    const token = tokenOf(url)
    const preview = await getInvitationPreview({ token })
    expect(preview).toMatchObject({ workspaceId: team.workspaceId, workspaceName: 'Team workspace', role: 'commenter', status: 'valid', email: null })
    expect(preview.invitedByName).toBe('Team Owner')

    const newcomer = await seedUser('Newcomer')
    expect(await acceptInvitation({ actor: newcomer, token })).toEqual({ workspaceId: team.workspaceId, alreadyMember: false })
    expect(await findMembership(handle.db, team.workspaceId, newcomer.userId)).toEqual({ role: 'commenter' })
    expect(await activityKinds(team.workspaceId)).toContain('member.joined')

    expect(await acceptInvitation({ actor: newcomer, token })).toEqual({ workspaceId: team.workspaceId, alreadyMember: true })
    const rows = await handle.db.select().from(memberships).where(eq(memberships.userId, newcomer.userId))
    expect(rows).toHaveLength(1)

    const latecomer = await seedUser('Latecomer')
    await expect(acceptInvitation({ actor: latecomer, token })).rejects.toMatchObject({ code: 'GONE', userMessage: expect.stringMatching(/already been used/) })
    expect((await getInvitationPreview({ token })).status).toBe('accepted')
  })

  it('answers expired, revoked and malformed links clearly and changes nothing', async () => {
    const stranger = await seedUser('Stranger')
    const expired = await createInvitation({ actor: team.owner, workspaceId: team.workspaceId, role: 'editor' })
    await handle.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, expired.invitationId))
    await expect(acceptInvitation({ actor: stranger, token: tokenOf(expired.url) })).rejects.toMatchObject({ code: 'GONE', userMessage: expect.stringMatching(/expired/) })
    expect((await getInvitationPreview({ token: tokenOf(expired.url) })).status).toBe('expired')

    const revoked = await createInvitation({ actor: team.owner, workspaceId: team.workspaceId, role: 'editor' })
    await revokeInvitation({ actor: team.owner, workspaceId: team.workspaceId, invitationId: revoked.invitationId })
    await expect(acceptInvitation({ actor: stranger, token: tokenOf(revoked.url) })).rejects.toMatchObject({ code: 'GONE', userMessage: expect.stringMatching(/withdrawn/) })
    expect((await getInvitationPreview({ token: tokenOf(revoked.url) })).status).toBe('revoked')
    expect(await activityKinds(team.workspaceId)).toContain('invitation.revoked')

    for (const token of ['', 'short', tokenOf(revoked.url).slice(0, 42) + '!', 'A'.repeat(43)]) {
      await expect(acceptInvitation({ actor: stranger, token })).rejects.toMatchObject({ code: 'NOT_FOUND', userMessage: expect.stringMatching(/not valid/) })
      await expect(getInvitationPreview({ token })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    }
    expect(await findMembership(handle.db, team.workspaceId, stranger.userId)).toBeNull()
  })

  it('honours an email restriction', async () => {
    const invited = await seedUser('Invited')
    const other = await seedUser('Other')
    const { url } = await createInvitation({ actor: team.owner, workspaceId: team.workspaceId, role: 'viewer', email: invited.email.toUpperCase() })
    await expect(acceptInvitation({ actor: other, token: tokenOf(url) })).rejects.toMatchObject({ code: 'FORBIDDEN', userMessage: expect.stringContaining(invited.email) })
    expect((await acceptInvitation({ actor: invited, token: tokenOf(url) })).alreadyMember).toBe(false)
  })

  it('keeps the higher role when an existing member accepts', async () => {
    const lower = await createInvitation({ actor: team.owner, workspaceId: team.workspaceId, role: 'viewer' })
    expect(await acceptInvitation({ actor: team.editor, token: tokenOf(lower.url) })).toEqual({ workspaceId: team.workspaceId, alreadyMember: true })
    expect(await findMembership(handle.db, team.workspaceId, team.editor.userId)).toEqual({ role: 'editor' })
    // The link was not spent on someone who gained nothing from it.
    expect((await getInvitationPreview({ token: tokenOf(lower.url) })).status).toBe('valid')

    const higher = await createInvitation({ actor: team.owner, workspaceId: team.workspaceId, role: 'editor' })
    expect(await acceptInvitation({ actor: team.viewer, token: tokenOf(higher.url) })).toEqual({ workspaceId: team.workspaceId, alreadyMember: false })
    expect(await findMembership(handle.db, team.workspaceId, team.viewer.userId)).toEqual({ role: 'editor' })
    await handle.db.update(memberships).set({ role: 'viewer' }).where(eq(memberships.userId, team.viewer.userId))
  })

  it('lists only pending invitations, to owners only', async () => {
    const team2 = await seedTeam('Pending')
    const pending = await createInvitation({ actor: team2.owner, workspaceId: team2.workspaceId, role: 'viewer', email: 'x@example.test' })
    const used = await createInvitation({ actor: team2.owner, workspaceId: team2.workspaceId, role: 'viewer' })
    await acceptInvitation({ actor: await seedUser('User'), token: tokenOf(used.url) })
    const revoked = await createInvitation({ actor: team2.owner, workspaceId: team2.workspaceId, role: 'viewer' })
    await revokeInvitation({ actor: team2.owner, workspaceId: team2.workspaceId, invitationId: revoked.invitationId })

    const list = await listInvitations({ actor: team2.owner, workspaceId: team2.workspaceId })
    expect(list).toEqual([
      { id: pending.invitationId, role: 'viewer', email: 'x@example.test', expiresAt: pending.expiresAt, invitedByName: 'Pending Owner', createdAt: expect.any(Date) },
    ])
    expect(await outcome(() => listInvitations({ actor: team2.editor, workspaceId: team2.workspaceId }))).toBe('FORBIDDEN')
  })

  it('refuses to revoke a used invitation and treats a second revoke as done', async () => {
    const used = await createInvitation({ actor: team.owner, workspaceId: team.workspaceId, role: 'viewer' })
    await acceptInvitation({ actor: await seedUser('Joiner'), token: tokenOf(used.url) })
    await expect(revokeInvitation({ actor: team.owner, workspaceId: team.workspaceId, invitationId: used.invitationId })).rejects.toMatchObject({ code: 'CONFLICT' })

    const fresh = await createInvitation({ actor: team.owner, workspaceId: team.workspaceId, role: 'viewer' })
    await revokeInvitation({ actor: team.owner, workspaceId: team.workspaceId, invitationId: fresh.invitationId })
    const before = (await activityKinds(team.workspaceId)).length
    await revokeInvitation({ actor: team.owner, workspaceId: team.workspaceId, invitationId: fresh.invitationId })
    expect((await activityKinds(team.workspaceId)).length).toBe(before)
  })
})
