import { describe, expect, it } from 'vitest'
import { createReplica } from '@/lib/board/test-support'
import { moveShotBy } from './shot-moves'
import { groupRows, searchTextOf, shotRowsOf } from './shot-rows'

function twoScenes() {
  const { board } = createReplica('ben')
  const first = board.insertScene({}, { heading: 'EXT. PIER – DAWN' })
  const second = board.insertScene()
  const a = board.insertShot({ sceneId: first }, { location: 'Pier', lens: '35mm' })
  const b = board.insertShot({ sceneId: first }, { location: 'Boat' })
  const c = board.insertShot({ sceneId: second }, { location: 'pier ' })
  board.insertPanel({ shotId: a })
  board.insertPanel({ shotId: a })
  return { board, first, second, a, b, c }
}

const rowsOf = (board: ReturnType<typeof twoScenes>['board']) => shotRowsOf(board.outline())
const numbers = (board: ReturnType<typeof twoScenes>['board']) => rowsOf(board).map((row) => `${row.number}:${row.shot.location}`)

describe('shot rows', () => {
  it('numbers, counts panels and times each shot in board order', () => {
    const { board } = twoScenes()
    const rows = rowsOf(board)
    expect(rows.map((row) => [row.number, row.panelsCount, row.durationFrames])).toEqual([['1A', 2, 96], ['1B', 0, 0], ['2A', 0, 0]])
    expect(searchTextOf(rows[0]!)).toContain('35mm')
    expect(searchTextOf(rows[0]!)).toContain('ext. pier')
  })

  it('groups by location ignoring case and spacing, groups in order of first appearance', () => {
    const { board } = twoScenes()
    const groups = groupRows(rowsOf(board).map((original) => ({ original })), 'location')
    expect(groups.map((group) => [group.label, group.rows.length])).toEqual([['Pier', 2], ['Boat', 1]])
  })
})

describe('moveShotBy', () => {
  it('moves within a scene, then across into the neighbouring scene at the edges', () => {
    const { board } = twoScenes()
    moveShotBy(board, rowsOf(board)[0]!, 1)
    expect(numbers(board)).toEqual(['1A:Boat', '1B:Pier', '2A:pier '])
    moveShotBy(board, rowsOf(board)[1]!, 1)
    expect(numbers(board)).toEqual(['1A:Boat', '2A:Pier', '2B:pier '])
    moveShotBy(board, rowsOf(board)[1]!, -1)
    expect(numbers(board)).toEqual(['1A:Boat', '1B:Pier', '2A:pier '])
    moveShotBy(board, rowsOf(board)[0]!, -1) // already first on the board: nothing happens
    expect(numbers(board)).toEqual(['1A:Boat', '1B:Pier', '2A:pier '])
  })
})
