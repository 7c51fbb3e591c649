import { z } from 'zod'
import { emailField, idField, roleField } from './common'

export const invitationExpiry = { defaultDays: 7, minDays: 1, maxDays: 30 } as const

export const createInvitationInput = z.strictObject({
  workspaceId: idField('Workspace'),
  role: roleField,
  email: emailField.optional(),
  expiresInDays: z
    .number({ error: 'Expiry must be a number of days.' })
    .int('Expiry must be a whole number of days.')
    .min(invitationExpiry.minDays, `An invitation lasts at least ${invitationExpiry.minDays} day.`)
    .max(invitationExpiry.maxDays, `An invitation lasts at most ${invitationExpiry.maxDays} days.`)
    .optional(),
})
export type CreateInvitationInput = z.infer<typeof createInvitationInput>

export const revokeInvitationInput = z.strictObject({
  workspaceId: idField('Workspace'),
  invitationId: idField('Invitation'),
})
export type RevokeInvitationInput = z.infer<typeof revokeInvitationInput>

// Any string is accepted here: a malformed token gets the service's clear "link is not valid" answer, not a 400.
export const acceptInvitationInput = z.strictObject({ token: z.string({ error: 'The invitation link is missing its token.' }).max(200) })
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInput>

export const changeMemberRoleInput = z.strictObject({
  workspaceId: idField('Workspace'),
  userId: idField('Member'),
  role: roleField,
})
export type ChangeMemberRoleInput = z.infer<typeof changeMemberRoleInput>

export const removeMemberInput = z.strictObject({
  workspaceId: idField('Workspace'),
  userId: idField('Member'),
})
export type RemoveMemberInput = z.infer<typeof removeMemberInput>
