import { generateKeyBetween } from 'fractional-indexing'
import { describe, expect, it } from 'vitest'
import { compareByOrder, isValidOrderKey, planInsert } from './order'

describe('isValidOrderKey', () => {
  it('accepts what fractional-indexing generates and rejects what it would throw on', () => {
    let key: string | null = null
    for (let i = 0; i < 100; i++) {
      key = generateKeyBetween(key, null)
      expect(isValidOrderKey(key)).toBe(true)
    }
    expect(isValidOrderKey(generateKeyBetween('a0', 'a1'))).toBe(true)
    for (const bad of ['', 'a', 'a00', '0a', 'a0-', 'A' + '0'.repeat(26), 'b1']) expect(isValidOrderKey(bad), bad).toBe(false)
  })
})

describe('compareByOrder', () => {
  it('orders by key, then by id when two concurrent inserts minted the same key', () => {
    const items = [
      { id: 'b', order: 'a1' },
      { id: 'z', order: 'a0' },
      { id: 'a', order: 'a1' },
    ]
    expect(items.sort(compareByOrder).map((item) => item.id)).toEqual(['z', 'a', 'b'])
  })
})

describe('planInsert', () => {
  const siblings = [
    { id: 'p', order: 'a0' },
    { id: 'q', order: 'a1' },
  ]

  it('puts the key between the neighbours at the index', () => {
    for (const index of [0, 1, 2]) {
      const { key, rekey } = planInsert(siblings, index)
      const sorted = [...siblings, { id: 'new', order: key }].sort(compareByOrder)
      expect(sorted.findIndex((item) => item.id === 'new')).toBe(index)
      expect(rekey).toEqual([])
    }
  })

  it('re-keys the tied run when both neighbours share one key', () => {
    const tied = [
      { id: 'p', order: 'a0' },
      { id: 'q', order: 'a1' },
      { id: 'r', order: 'a1' },
      { id: 's', order: 'a1' },
      { id: 't', order: 'a2' },
    ]
    const { key, rekey } = planInsert(tied, 2) // between q and r
    expect(rekey.map((entry) => entry.id)).toEqual(['r', 's'])
    const rekeyed = tied.map((item) => ({ ...item, order: rekey.find((entry) => entry.id === item.id)?.order ?? item.order }))
    const sorted = [...rekeyed, { id: 'new', order: key }].sort(compareByOrder)
    expect(sorted.map((item) => item.id)).toEqual(['p', 'q', 'new', 'r', 's', 't'])
    expect(new Set(sorted.map((item) => item.order)).size).toBe(sorted.length)
  })
})
