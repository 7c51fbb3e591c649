import { describe, expect, it } from 'vitest'
import { boardDocName, parseDocName } from './doc-name'

describe('document names', () => {
  it('knows boards and panels', () => {
    expect(parseDocName('board:3f2a-b_9')).toEqual({ kind: 'board', projectId: '3f2a-b_9', name: 'board:3f2a-b_9' })
    expect(parseDocName('panel:p1')).toEqual({ kind: 'panel', panelId: 'p1', name: 'panel:p1' })
    expect(boardDocName('abc')).toBe('board:abc')
  })

  it.each(['notes:abc', 'board:', 'board', 'board:a/b', 'board:../x', 'panel:a b', 'board:é', `board:${'x'.repeat(101)}`, 'Board:abc', ''])(
    'refuses %j',
    (name) => expect(parseDocName(name)).toBeNull(),
  )
})
