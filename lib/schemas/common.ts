import { z } from 'zod'
import { roles } from '@/lib/roles'

// Building blocks shared by every domain's input schemas.

/** A display name for a workspace, project or person: trimmed, 1–120 characters. */
export const nameField = (what: string) =>
  z
    .string({ error: `${what} is required.` })
    .trim()
    .min(1, `${what} cannot be empty.`)
    .max(120, `${what} can be at most 120 characters.`)

/** An id handed back by the client. We never trust its shape beyond "a short string"; lookups decide the rest. */
export const idField = (what = 'Id') =>
  z.string({ error: `${what} is required.` }).min(1, `${what} is required.`).max(100, `${what} is too long.`)

export const emailField = z
  .string({ error: 'Email is required.' })
  .trim()
  .toLowerCase()
  .max(254, 'That email address is too long.')
  .pipe(z.email('Enter a valid email address.'))

export const roleField = z.enum(roles, { error: 'Choose one of: owner, editor, commenter, viewer.' })
