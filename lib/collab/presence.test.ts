import { describe, expect, it } from 'vitest'
import { peopleFromAwareness } from './presence'

const user = (id: string, name: string) => ({ user: { id, name, color: '#60a5fa', guest: false } })

describe('people present', () => {
  it('lists each other person once, however many tabs, sorted by name, without me', () => {
    const states = new Map<number, unknown>([
      [1, user('user:me', 'Me')],
      [2, user('user:zoe', 'Zoe')],
      [3, user('user:ann', 'Ann')],
      [4, user('user:zoe', 'Zoe')],
      [5, { cursor: { x: 1 } }], // not stamped by the server: ignored
      [6, user('user:me', 'Me')], // my other tab
    ])
    const people = peopleFromAwareness(states, 1, 'user:me')
    expect(people.map((p) => [p.name, p.sessions])).toEqual([
      ['Ann', 1],
      ['Zoe', 2],
    ])
  })
})
