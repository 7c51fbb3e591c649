import { DrizzleAdapter } from '@auth/drizzle-adapter'
import type { Adapter } from 'next-auth/adapters'
import { getDb } from '@/db'
import { accounts, sessions, users, verificationTokens } from '@/db/schema'

/**
 * The Drizzle adapter over our tables, built per call: next-auth wants the adapter when the options module loads,
 * but the database handle (getDb) is only available asynchronously. Emails are lower-cased on the way in, as
 * password sign-up does, so one address is one account whichever way it signs in.
 */
export function lazyDrizzleAdapter(): Adapter {
  const adapter = async () =>
    DrizzleAdapter(await getDb(), {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }) as Required<CoreAdapter>
  const lower = <T extends { email?: string | null }>(value: T): T => (value.email ? { ...value, email: value.email.trim().toLowerCase() } : value)
  const lazy: CoreAdapter = {
    createUser: async (user) => (await adapter()).createUser(lower(user)),
    getUser: async (id) => (await adapter()).getUser(id),
    getUserByEmail: async (email) => (await adapter()).getUserByEmail(email.trim().toLowerCase()),
    getUserByAccount: async (account) => (await adapter()).getUserByAccount(account),
    updateUser: async (user) => (await adapter()).updateUser(lower(user)),
    deleteUser: async (id) => {
      await (await adapter()).deleteUser(id)
    },
    linkAccount: async (account) => {
      await (await adapter()).linkAccount(account)
    },
    unlinkAccount: async (account) => {
      await (await adapter()).unlinkAccount(account)
    },
    createSession: async (session) => (await adapter()).createSession(session),
    getSessionAndUser: async (token) => (await adapter()).getSessionAndUser(token),
    updateSession: async (session) => (await adapter()).updateSession(session),
    deleteSession: async (token) => {
      await (await adapter()).deleteSession(token)
    },
    createVerificationToken: async (token) => (await adapter()).createVerificationToken(token),
    useVerificationToken: async (params) => (await adapter()).useVerificationToken(params),
  }
  // The drizzle adapter is typed for Auth.js core; next-auth v4 accepts that shape (FACTS.md) under its own type name.
  return lazy as Adapter
}

type CoreAdapter = ReturnType<typeof DrizzleAdapter>
