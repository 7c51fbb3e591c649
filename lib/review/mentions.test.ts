import { describe, expect, it } from 'vitest'
import { parseMentionHandles, resolveMentions } from './mentions'

const members = [
  { userId: 'u1', name: 'Ana Lopez', email: 'ana@studio.test' },
  { userId: 'u2', name: 'Ben', email: 'ben.k@studio.test' },
]

describe('mentions', () => {
  it('reads handles after "@" but not inside an email address in the text', () => {
    expect(parseMentionHandles('@ana, see mail from bob@example.com and (@Ben.K).')).toEqual(['ana', 'ben.k'])
  })

  it('matches members by email, local part or name without spaces, and ignores strangers', () => {
    expect(resolveMentions('@analopez and @ben.k@studio.test and @zed', members)).toEqual(['u1', 'u2'])
    expect(resolveMentions('no mentions here', members)).toEqual([])
  })
})
