import { describe, expect, it } from 'vitest'
import { initialsOf } from './avatar'

describe('avatar initials', () => {
  it.each([
    ['Clara Client (guest)', 'CC'],
    ['Olive Owner', 'OO'],
    ['ada@example.com', 'AC'],
    ['Zoë', 'ZO'],
    ['(guest)', '?'],
    ['', '?'],
  ])('%j → %s', (name, initials) => expect(initialsOf(name)).toBe(initials))
})
