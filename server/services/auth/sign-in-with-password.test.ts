import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '@/db/test-database'
import type { DatabaseHandle } from '@/db/client'
import { users } from '@/db/schema'
import { signInWithPassword, signInLimits } from './sign-in-with-password'
import { signUp } from './sign-up'

const password = 'correct horse battery'

describe('signInWithPassword', () => {
  let handle: DatabaseHandle
  let userId: string
  beforeAll(async () => {
    handle = await openTestDatabase()
    userId = (await signUp({ actor: null, name: 'Lin', email: 'lin@example.test', password })).userId
  })
  afterAll(() => handle.close())

  it('returns the user for the right password, matching email case-insensitively', async () => {
    expect(await signInWithPassword({ email: ' LIN@example.test', password, ip: '10.0.0.1' })).toEqual({ id: userId, name: 'Lin', email: 'lin@example.test' })
  })

  it('gives the same answer for a wrong password, an unknown email, a password-less account and junk input', async () => {
    await handle.db.insert(users).values({ name: 'OAuth only', email: 'oauth@example.test' })
    const attempts = [
      { email: 'lin@example.test', password: 'wrong password!' },
      { email: 'nobody@example.test', password },
      { email: 'oauth@example.test', password },
      { email: 42, password: undefined },
    ]
    const answers = []
    for (const attempt of attempts) {
      answers.push(await signInWithPassword({ ...attempt, ip: '10.0.0.2' }).catch((error) => ({ code: error.code, message: error.userMessage })))
    }
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify({ code: 'UNAUTHENTICATED', message: 'Wrong email or password.' })]))
  })

  it('stops an address after 10 attempts for one email, even with the right password, but not other addresses', async () => {
    const { limit } = signInLimits.perEmailAndIp
    for (let i = 0; i < limit; i++) {
      await expect(signInWithPassword({ email: 'lin@example.test', password: `guess number ${i}`, ip: '10.0.0.3' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    }
    await expect(signInWithPassword({ email: 'lin@example.test', password, ip: '10.0.0.3' })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      userMessage: expect.stringMatching(/Too many sign-in attempts. Try again in 15 minutes/),
    })
    expect((await signInWithPassword({ email: 'lin@example.test', password, ip: '10.0.0.4' })).id).toBe(userId)
  })
})

describe('signInWithPassword across many addresses', () => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await openTestDatabase()
    await signUp({ actor: null, name: 'Mo', email: 'mo@example.test', password })
  })
  afterAll(() => handle.close())

  it('caps attempts on one email from any mix of (possibly forged) addresses', async () => {
    const { limit } = signInLimits.perEmail
    for (let i = 0; i < limit; i++) {
      await expect(signInWithPassword({ email: 'mo@example.test', password: 'not the password', ip: `10.1.${i}.1` })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    }
    await expect(signInWithPassword({ email: 'mo@example.test', password, ip: '10.2.0.1' })).rejects.toMatchObject({ code: 'RATE_LIMITED' })
  })
})
