import { describe, expect, it } from 'vitest'
import { acceptInvitationInput, changeMemberRoleInput, createInvitationInput, removeMemberInput } from './members'

describe('member inputs', () => {
  it('accepts an invitation with defaults and normalises its email', () => {
    expect(createInvitationInput.parse({ workspaceId: 'w', role: 'viewer', email: ' Bo@Example.TEST ' })).toEqual({ workspaceId: 'w', role: 'viewer', email: 'bo@example.test' })
  })

  it('bounds expiry to 1–30 whole days', () => {
    for (const expiresInDays of [0, 31, 1.5, '7']) {
      expect(createInvitationInput.safeParse({ workspaceId: 'w', role: 'viewer', expiresInDays }).success).toBe(false)
    }
    expect(createInvitationInput.safeParse({ workspaceId: 'w', role: 'viewer', expiresInDays: 30 }).success).toBe(true)
  })

  it('rejects unknown roles, over-long ids and extra keys', () => {
    expect(changeMemberRoleInput.safeParse({ workspaceId: 'w', userId: 'u', role: 'admin' }).success).toBe(false)
    expect(removeMemberInput.safeParse({ workspaceId: 'w'.repeat(101), userId: 'u' }).success).toBe(false)
    expect(removeMemberInput.safeParse({ workspaceId: 'w', userId: 'u', role: 'owner' }).success).toBe(false)
    expect(acceptInvitationInput.safeParse({ token: 't', workspaceId: 'w' }).success).toBe(false)
  })
})
