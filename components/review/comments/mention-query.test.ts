import { describe, expect, it } from 'vitest'
import { resolveMentions } from '@/lib/review/mentions'
import { handleFor, insertMention, matchCandidates, mentionAtCaret } from './mention-query'

const ada = { userId: 'u1', name: 'Ada Lovelace', email: 'ada@studio.test' }
const adam = { userId: 'u2', name: 'Adam West', email: 'adam@studio.test' }
const twin = { userId: 'u3', name: 'Ada Lovelace', email: 'other.ada@elsewhere.test' }
const bob = { userId: 'u4', name: null, email: 'bob@studio.test' }

describe('mention autocomplete', () => {
  it('finds the partial handle at the caret, not inside an email address', () => {
    expect(mentionAtCaret('Look @ad', 8)).toEqual({ query: 'ad', start: 5 })
    expect(mentionAtCaret('@', 1)).toEqual({ query: '', start: 0 })
    expect(mentionAtCaret('mail me at me@ad', 16)).toBeNull()
    expect(mentionAtCaret('@ada done', 9)).toBeNull()
  })

  it('matches first names, handles and emails, leaving out the writer', () => {
    expect(matchCandidates([ada, adam, bob], 'ad').map((c) => c.userId)).toEqual(['u1', 'u2'])
    expect(matchCandidates([ada, adam, bob], 'bo').map((c) => c.userId)).toEqual(['u4'])
    expect(matchCandidates([ada, adam, bob], 'love').map((c) => c.userId)).toEqual(['u1'])
    expect(matchCandidates([ada, adam, bob], '', 'u1').map((c) => c.userId)).toEqual(['u2', 'u4'])
  })

  it('inserts a handle the server resolves to exactly that member', () => {
    const all = [ada, adam, twin, bob]
    for (const person of all) {
      const { text } = insertMention('Hi @a', { start: 3, caret: 5 }, handleFor(person, all))
      expect(resolveMentions(text, all)).toEqual([person.userId])
    }
    expect(handleFor(adam, all)).toBe('adamwest')
    expect(handleFor(ada, all)).toBe('ada@studio.test')
    expect(insertMention('Hi @a, ok', { start: 3, caret: 5 }, 'adamwest')).toEqual({ text: 'Hi @adamwest , ok', caret: 13 })
  })
})
