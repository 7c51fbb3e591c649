import { clientIpHeader } from './client-ip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import type { CredentialsConfig } from 'next-auth/providers/credentials'
import type { Adapter } from 'next-auth/adapters'
import { openTestDatabase } from '@/db/test-database'
import type { DatabaseHandle } from '@/db/client'
import { workspaces } from '@/db/schema'
import { signUp } from '@/server/services/auth/sign-up'
import { authOptions, buildProviders } from './auth-options'

const password = 'correct horse battery'

// next-auth merges user options into `options` at runtime; the provider's top-level authorize is a stub.
const credentials = authOptions.providers.find((p) => p.id === 'credentials') as unknown as { options: CredentialsConfig }
const authorize = (body: Record<string, string>, headers: Record<string, string> = {}) =>
  credentials.options.authorize(body, { headers, body, query: {}, method: 'POST' })

describe('authOptions', () => {
  let handle: DatabaseHandle
  let userId: string
  beforeAll(async () => {
    handle = await openTestDatabase()
    userId = (await signUp({ actor: null, name: 'Kim', email: 'kim@example.test', password })).userId
  })
  afterAll(() => handle.close())

  it('uses JWT sessions, our sign-in page and a credentials provider with id "credentials"', () => {
    expect(authOptions.session?.strategy).toBe('jwt')
    expect(authOptions.pages?.signIn).toBe('/sign-in')
    expect(authOptions.providers.map((p) => p.id)).toContain('credentials')
  })

  it('adds OAuth and magic-link providers only when both of their variables are set', () => {
    expect(buildProviders({}).map((p) => p.id)).toEqual(['credentials'])
    expect(buildProviders({ GITHUB_ID: 'id' }).map((p) => p.id)).toEqual(['credentials'])
    const all = buildProviders({
      GITHUB_ID: 'id',
      GITHUB_SECRET: 'secret',
      GOOGLE_CLIENT_ID: 'id',
      GOOGLE_CLIENT_SECRET: 'secret',
      EMAIL_SERVER: 'smtp://localhost:2525',
      EMAIL_FROM: 'Storyreel <noreply@example.test>',
    })
    expect(all.map((p) => p.id)).toEqual(['credentials', 'github', 'google', 'email'])
  })

  it('authorizes the right password and answers null (the generic failure) otherwise', async () => {
    expect(await authorize({ email: 'kim@example.test', password })).toEqual({ id: userId, name: 'Kim', email: 'kim@example.test' })
    expect(await authorize({ email: 'kim@example.test', password: 'wrong password' })).toBeNull()
    expect(await authorize({ email: 'nobody@example.test', password })).toBeNull()
  })

  it('rate-limits by the client address the server stamped and says so in words', async () => {
    const headers = { [clientIpHeader]: '203.0.113.9' }
    for (let i = 0; i < 10; i++) await authorize({ email: 'kim@example.test', password: 'wrong password' }, headers)
    await expect(authorize({ email: 'kim@example.test', password }, headers)).rejects.toThrow(/Too many sign-in attempts/)
    // A forged x-forwarded-for does not move the caller into a fresh bucket; only the stamped address counts.
    await expect(authorize({ email: 'kim@example.test', password }, { ...headers, 'x-forwarded-for': '198.51.100.1' })).rejects.toThrow(/Too many/)
    expect(await authorize({ email: 'kim@example.test', password }, { [clientIpHeader]: '203.0.113.10' })).not.toBeNull()
  })

  it('puts users.id in token.sub and session.user.id (the collaboration server relies on it)', async () => {
    const user = { id: userId, name: 'Kim', email: 'kim@example.test' }
    const token = await authOptions.callbacks!.jwt!({ token: {}, user, account: null } as never)
    expect(token).toMatchObject({ sub: userId, name: 'Kim', email: 'kim@example.test' })
    const session = await authOptions.callbacks!.session!({ session: { user: { name: 'Kim', email: 'kim@example.test' }, expires: '' }, token } as never)
    expect(session.user).toMatchObject({ id: userId, name: 'Kim', email: 'kim@example.test' })
  })

  it('gives an account made by OAuth or magic link a personal workspace, with its email lower-cased', async () => {
    const adapter = authOptions.adapter as Adapter
    const created = await (adapter.createUser as (u: unknown) => Promise<{ id: string; email: string }>)({ name: 'Oz', email: 'Oz@Example.TEST', emailVerified: null })
    expect(created.email).toBe('oz@example.test')
    await authOptions.events!.createUser!({ user: created } as never)
    await authOptions.events!.createUser!({ user: created } as never)
    const owned = await handle.db.select().from(workspaces).where(eq(workspaces.createdBy, created.id))
    expect(owned).toEqual([expect.objectContaining({ name: "Oz's workspace", personal: true })])
    expect(await adapter.getUserByEmail!('OZ@example.test')).toMatchObject({ id: created.id })
  })
})
