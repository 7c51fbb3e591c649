import { describe, expect, it } from 'vitest'
import { boardDocName, parseDocName, reviewDocName } from './doc-name'

describe('document names', () => {
  it('knows boards, panels and review change feeds', () => {
    expect(parseDocName('board:3f2a-b_9')).toEqual({ kind: 'board', projectId: '3f2a-b_9', name: 'board:3f2a-b_9' })
    expect(parseDocName('panel:p1')).toEqual({ kind: 'panel', panelId: 'p1', name: 'panel:p1' })
    expect(boardDocName('abc')).toBe('board:abc')
    expect(parseDocName('review:r-1')).toEqual({ kind: 'review', reviewItemId: 'r-1', name: 'review:r-1' })
    expect(reviewDocName('r-1')).toBe('review:r-1')
  })

  it.each(['notes:abc', 'board:', 'board', 'board:a/b', 'board:../x', 'panel:a b', 'board:é', `board:${'x'.repeat(101)}`, 'Board:abc', 'review:', 'review:a:b', ''])(
    'refuses %j',
    (name) => expect(parseDocName(name)).toBeNull(),
  )
})
