import { z } from 'zod'
import { idField } from './common'
import { createCommentInput, replyToCommentInput } from './review'

// Inputs of the guest review actions. No project ids: a guest's scope comes from its signed session, never the client.

export const guestPasswordInput = z.strictObject({
  password: z.string({ error: 'Enter the password.' }).min(1, 'Enter the password.').max(200, 'That password is too long.'),
})

export const guestNameInput = z.strictObject({
  name: z.string({ error: 'Tell us your name.' }).trim().min(1, 'Tell us your name.').max(80, 'Your name can be at most 80 characters.'),
})

export const guestVersionInput = z.strictObject({ versionId: idField('Version') })

// Guests' notes are always client-visible, so there is no visibility to choose.
export const guestCommentInput = createCommentInput.omit({ projectId: true, visibility: true })

export const guestReplyInput = replyToCommentInput.omit({ projectId: true })

export const guestVersionStatusInput = z.strictObject({
  versionId: idField('Version'),
  status: z.enum(['approved', 'changes_requested'], { error: 'Choose approve or request changes.' }),
})

export const guestEmptyInput = z.strictObject({})
