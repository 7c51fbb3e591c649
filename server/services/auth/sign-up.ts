import { getDb } from '@/db'
import { users } from '@/db/schema'
import { findUserByEmail } from '@/db/queries/users'
import { AppError } from '@/lib/errors'
import { newPasswordField } from '@/lib/schemas/auth'
import { hashPassword } from '@/server/auth/password'
import type { Actor } from '@/server/auth/require-role'
import { acceptInvitationInTransaction } from '@/server/services/members/accept-invitation'
import { createPersonalWorkspace } from '@/server/services/workspaces/create-personal-workspace'

export const duplicateEmailMessage = 'An account with this email already exists. Sign in instead.'

/**
 * Creates an account with a password and its personal workspace; with an invitation token it also joins that
 * workspace and returns it. All in one transaction: a bad invitation or a taken email leaves nothing behind.
 * The actor is ignored (anyone may sign up); the caller signs the new user in afterwards.
 */
export async function signUp(params: {
  actor: Actor | null
  name: string
  email: string
  password: string
  inviteToken?: string
}): Promise<{ userId: string; workspaceId: string }> {
  const email = params.email.trim().toLowerCase()
  const name = params.name.trim()
  const password = newPasswordField.safeParse(params.password)
  if (!password.success) throw new AppError('BAD_REQUEST', { userMessage: password.error.issues[0]?.message ?? 'Choose a stronger password.' })
  const db = await getDb()
  // Checked before the slow hash so a duplicate answers fast; the unique index below still decides races.
  if (await findUserByEmail(db, email)) throw new AppError('CONFLICT', { userMessage: duplicateEmailMessage })
  const passwordHash = await hashPassword(params.password)

  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values({ name, email, passwordHash }).returning({ id: users.id })
      if (!user) throw new Error('user insert returned no row')
      const personal = await createPersonalWorkspace({ user: { id: user.id, name, email }, tx })
      if (!params.inviteToken) return { userId: user.id, workspaceId: personal.workspaceId }
      const joined = await acceptInvitationInTransaction(tx, { user: { id: user.id, name, email }, token: params.inviteToken })
      return { userId: user.id, workspaceId: joined.workspaceId }
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', { userMessage: duplicateEmailMessage })
    throw error
  }
}

// drizzle wraps driver errors, so look down the cause chain for Postgres' unique_violation.
function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; current && depth < 5; depth++) {
    if ((current as { code?: unknown }).code === '23505') return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}
