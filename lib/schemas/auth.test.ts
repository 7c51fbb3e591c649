import { describe, expect, it } from 'vitest'
import { signInErrorMessage, signUpInput } from './auth'

const valid = { name: 'Ada', email: 'ada@example.test', password: 'correct horse battery' }
const firstMessage = (input: unknown) => signUpInput.safeParse(input).error?.issues[0]?.message

describe('signUpInput', () => {
  it('normalises the email and trims the name', () => {
    expect(signUpInput.parse({ ...valid, name: '  Ada ', email: ' ADA@Example.test ' })).toMatchObject({ name: 'Ada', email: 'ada@example.test' })
  })

  it('explains each password rule', () => {
    expect(firstMessage({ ...valid, password: 'abc123xyz' })).toBe('Use at least 10 characters.')
    expect(firstMessage({ ...valid, password: 'Password123' })).toMatch(/too common/)
    expect(firstMessage({ ...valid, password: 'zzzzzzzzzzzz' })).toMatch(/repeats/)
    expect(firstMessage({ ...valid, password: 'ada@example.test' })).toMatch(/cannot be your email/)
    expect(firstMessage({ ...valid, password: 'x'.repeat(100) + 'y'.repeat(101) })).toMatch(/at most 200/)
  })

  it('rejects malformed emails and extra keys', () => {
    expect(firstMessage({ ...valid, email: 'not-an-email' })).toBe('Enter a valid email address.')
    expect(signUpInput.safeParse({ ...valid, role: 'owner' }).success).toBe(false)
  })
})

describe('signInErrorMessage', () => {
  it('turns next-auth codes into sentences and passes our own sentences through', () => {
    expect(signInErrorMessage('CredentialsSignin')).toBe('Wrong email or password.')
    expect(signInErrorMessage('Too many sign-in attempts. Try again in 15 minutes.')).toMatch(/Too many/)
    expect(signInErrorMessage(undefined)).toBeNull()
  })
})
