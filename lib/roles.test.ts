import { describe, expect, it } from 'vitest'
import { roleAtLeast } from './roles'

describe('roleAtLeast', () => {
  it('orders viewer < commenter < editor < owner', () => {
    expect(roleAtLeast('owner', 'editor')).toBe(true)
    expect(roleAtLeast('editor', 'editor')).toBe(true)
    expect(roleAtLeast('commenter', 'editor')).toBe(false)
    expect(roleAtLeast('viewer', 'commenter')).toBe(false)
    expect(roleAtLeast('commenter', 'viewer')).toBe(true)
  })
})
