import { describe, expect, it } from 'vitest'
import { createReplica } from '@/lib/board/test-support'
import { moveForDrop, type DragData } from './board-moves'

function boardWithTwoShots() {
  const { board } = createReplica('ana')
  const sceneId = board.insertScene()
  const a = board.insertShot({ sceneId })
  const b = board.insertShot({ sceneId })
  const panels = [board.insertPanel({ shotId: a }), board.insertPanel({ shotId: a }), board.insertPanel({ shotId: a })]
  const other = board.insertPanel({ shotId: b })
  return { board, sceneId, a, b, panels, other }
}

const panel = (id: string, parentId: string, index: number): DragData => ({ kind: 'panel', id, parentId, label: id, sortable: { containerId: parentId, index } })

describe('moveForDrop', () => {
  it('moves a panel forward within its shot to the index of the panel it was dropped on', () => {
    const { board, a, panels } = boardWithTwoShots()
    moveForDrop(board, panel(panels[0]!, a, 0), panel(panels[2]!, a, 2))
    expect(board.listPanels(a).map((p) => p.id)).toEqual([panels[1], panels[2], panels[0]])
  })

  it('moves a panel backward within its shot', () => {
    const { board, a, panels } = boardWithTwoShots()
    moveForDrop(board, panel(panels[2]!, a, 2), panel(panels[0]!, a, 0))
    expect(board.listPanels(a).map((p) => p.id)).toEqual([panels[2], panels[0], panels[1]])
  })

  it('moves a panel into another shot, before the panel it was dropped on', () => {
    const { board, a, b, panels, other } = boardWithTwoShots()
    moveForDrop(board, panel(panels[1]!, a, 1), panel(other, b, 0))
    expect(board.listPanels(b).map((p) => p.id)).toEqual([panels[1], other])
    expect(board.listPanels(a).map((p) => p.id)).toEqual([panels[0], panels[2]])
  })

  it('reorders shots and ignores drops of one kind onto the other', () => {
    const { board, sceneId, a, b, panels } = boardWithTwoShots()
    const shot = (id: string, index: number): DragData => ({ kind: 'shot', id, parentId: sceneId, label: id, sortable: { containerId: sceneId, index } })
    moveForDrop(board, shot(b, 1), shot(a, 0))
    expect(board.listShots(sceneId).map((s) => s.id)).toEqual([b, a])
    moveForDrop(board, shot(a, 1), panel(panels[0]!, a, 0))
    expect(board.listShots(sceneId).map((s) => s.id)).toEqual([b, a])
  })
})
