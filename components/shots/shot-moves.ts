import type { Board } from '@/lib/board'
import type { ShotRow } from './shot-rows'

/**
 * Moves a shot one place up or down in board order. At the edge of its scene it crosses into the neighbouring scene
 * (the end of the previous one, the start of the next), so any order can be reached with the two buttons alone.
 */
export function moveShotBy(board: Board, row: ShotRow, step: -1 | 1) {
  const { sceneId, indexInScene, shotsInScene } = row
  const target = indexInScene + step
  if (target >= 0 && target < shotsInScene) return board.moveShot(row.id, { sceneId, index: target })
  const scenes = board.listScenes()
  const neighbour = scenes[scenes.findIndex((scene) => scene.id === sceneId) + step]
  if (!neighbour) return
  board.moveShot(row.id, step === -1 ? { sceneId: neighbour.id } : { sceneId: neighbour.id, index: 0 })
}

export function canMoveShot(rows: readonly ShotRow[], row: ShotRow, step: -1 | 1): boolean {
  const position = rows.findIndex((candidate) => candidate.id === row.id)
  return step === -1 ? position > 0 || row.sceneNumber > 1 : position < rows.length - 1
}
