import { eq } from 'drizzle-orm'
import { users } from '../schema'
import type { Executor } from './executor'

export type UserRow = typeof users.$inferSelect

/** Emails are stored lower-cased, so lookups lower-case too. */
export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1)
  return row ?? null
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1)
  return row ?? null
}
