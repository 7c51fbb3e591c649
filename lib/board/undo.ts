import * as Y from 'yjs'
import { boardContextOf, type Board } from './board'

export interface BoardUndoManager {
  undo(): void
  redo(): void
  canUndo(): boolean
  canRedo(): boolean
  /** Makes the next operation a separate undo step even within captureTimeout. */
  stopCapturing(): void
  /** Called whenever the undo or redo stack changes, to refresh the buttons. Returns the unsubscribe function. */
  onChange(callback: () => void): () => void
  destroy(): void
}

export interface BoardUndoOptions {
  /** Whose operations to undo: the origin of that user's board. Defaults to `board.origin`. */
  trackedOrigin?: unknown
  /**
   * Operations closer together than this merge into one undo step. 0 (the default) keeps every operation its own
   * step, which is what a board wants: "move panel" then "retime panel" are two things to undo.
   */
  captureTimeout?: number
}

/**
 * Undo/redo for one user's operations on the board. Other users' edits (and remote updates) are never reverted:
 * Yjs's UndoManager only inverts transactions whose origin it tracks, and on top of a concurrent edit to the same
 * field it leaves the other user's newer value in place.
 */
export function createBoardUndoManager(board: Board, options: BoardUndoOptions = {}): BoardUndoManager {
  const { maps } = boardContextOf(board)
  const manager = new Y.UndoManager([maps.scenes, maps.shots, maps.panels], {
    trackedOrigins: new Set([options.trackedOrigin ?? board.origin]),
    captureTimeout: options.captureTimeout ?? 0,
  })
  const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const
  return {
    undo: () => void manager.undo(),
    redo: () => void manager.redo(),
    canUndo: () => manager.canUndo(),
    canRedo: () => manager.canRedo(),
    stopCapturing: () => manager.stopCapturing(),
    onChange(callback) {
      for (const event of events) manager.on(event, callback)
      return () => {
        for (const event of events) manager.off(event, callback)
      }
    },
    destroy: () => manager.destroy(),
  }
}
