import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { openTestDatabase } from '@/db/test-database'
import type { DatabaseHandle } from '@/db/client'
import { memberships, users, workspaces } from '@/db/schema'
import { findUserByEmail } from '@/db/queries/users'
import { activityKinds, seedTeam } from '@/server/services/testing/fixtures'
import { createInvitation } from '@/server/services/members/create-invitation'
import { signUp } from './sign-up'

const password = 'correct horse battery'

describe('signUp', () => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await openTestDatabase()
  })
  afterAll(() => handle.close())

  it('creates the account with an argon2id hash and an owned personal workspace', async () => {
    const { userId, workspaceId } = await signUp({ actor: null, name: ' Ada Lovelace ', email: 'Ada@Example.TEST', password })
    const user = await findUserByEmail(handle.db, 'ada@example.test')
    expect(user).toMatchObject({ id: userId, name: 'Ada Lovelace', email: 'ada@example.test' })
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/)
    const [workspace] = await handle.db.select().from(workspaces).where(eq(workspaces.id, workspaceId))
    expect(workspace).toMatchObject({ name: "Ada Lovelace's workspace", personal: true, createdBy: userId })
    const [membership] = await handle.db.select().from(memberships).where(eq(memberships.workspaceId, workspaceId))
    expect(membership).toMatchObject({ userId, role: 'owner' })
    expect(await activityKinds(workspaceId)).toEqual(['workspace.created'])
  })

  it('refuses a second account for the same email, whatever its case', async () => {
    await signUp({ actor: null, name: 'Grace', email: 'grace@example.test', password })
    await expect(signUp({ actor: null, name: 'Grace Again', email: 'GRACE@example.test', password })).rejects.toMatchObject({
      code: 'CONFLICT',
      userMessage: 'An account with this email already exists. Sign in instead.',
    })
    expect(await handle.db.select().from(users).where(eq(users.email, 'grace@example.test'))).toHaveLength(1)
  })

  it('refuses weak passwords with a message that says why, creating nothing', async () => {
    const cases: [string, RegExp][] = [
      ['short1!', /at least 10/],
      ['password123', /too common/],
      ['aaaaaaaaaaaa', /repeats/],
    ]
    for (const [weak, message] of cases) {
      await expect(signUp({ actor: null, name: 'Weak', email: 'weak@example.test', password: weak })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        userMessage: expect.stringMatching(message),
      })
    }
    expect(await findUserByEmail(handle.db, 'weak@example.test')).toBeNull()
  })

  it('joins the invited workspace and returns it', async () => {
    const team = await seedTeam()
    const { url } = await createInvitation({ actor: team.owner, workspaceId: team.workspaceId, role: 'viewer' })
    const result = await signUp({ actor: null, name: 'Invitee', email: 'invitee@example.test', password, inviteToken: url.split('/invite/')[1] })
    expect(result.workspaceId).toBe(team.workspaceId)
    const rows = await handle.db.select({ workspaceId: memberships.workspaceId, role: memberships.role }).from(memberships).where(eq(memberships.userId, result.userId))
    expect(rows).toHaveLength(2)
    expect(rows).toContainEqual({ workspaceId: team.workspaceId, role: 'viewer' })
  })

  it('leaves no account behind when the invitation cannot be used', async () => {
    await expect(
      signUp({ actor: null, name: 'Too Late', email: 'late@example.test', password, inviteToken: 'B'.repeat(43) }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await findUserByEmail(handle.db, 'late@example.test')).toBeNull()
  })
})
