'use client'
// The board's user-facing operations: each calls one lib/board operation and tells the person what happened, with an
// undo in the toast for deletes (the delete is this user's latest undo step, so undo() brings it back).
import { useMemo } from 'react'
import { toast } from 'sonner'
import type { Board, BoardUndoManager } from '@/lib/board'
import { AppError } from '@/lib/errors'

export interface BoardActions {
  addScene(): void
  renameScene(sceneId: string, heading: string): void
  deleteScene(sceneId: string, label: string): void
  addShot(sceneId: string): void
  duplicateShot(shotId: string): void
  deleteShot(shotId: string, label: string): void
  addPanel(shotId: string): string | null
  duplicatePanel(panelId: string): string | null
  deletePanel(panelId: string, label: string): void
}

export function reportBoardError(error: unknown) {
  toast.error(error instanceof AppError ? error.userMessage : 'That change could not be made. Try again.')
}

function attempt<T>(write: () => T): T | null {
  try {
    return write()
  } catch (error) {
    reportBoardError(error)
    return null
  }
}

export function useBoardActions(board: Board, undo: BoardUndoManager, onSelect: (panelId: string | null) => void): BoardActions {
  return useMemo(() => {
    const deleted = (what: string) => toast.success(`${what} deleted`, { action: { label: 'Undo', onClick: () => undo.undo() } })
    return {
      addScene() {
        attempt(() => {
          const sceneId = board.insertScene()
          const shotId = board.insertShot({ sceneId })
          onSelect(board.insertPanel({ shotId }))
        })
      },
      renameScene: (sceneId, heading) => void attempt(() => board.updateScene(sceneId, { heading })),
      deleteScene(sceneId, label) {
        if (attempt(() => board.deleteScene(sceneId))) deleted(label)
      },
      addShot(sceneId) {
        attempt(() => {
          const shotId = board.insertShot({ sceneId })
          onSelect(board.insertPanel({ shotId }))
        })
      },
      duplicateShot: (shotId) => void attempt(() => board.duplicateShot(shotId)),
      deleteShot(shotId, label) {
        if (attempt(() => board.deleteShot(shotId))) deleted(label)
      },
      addPanel(shotId) {
        const panelId = attempt(() => board.insertPanel({ shotId }))
        if (panelId) onSelect(panelId)
        return panelId
      },
      duplicatePanel(panelId) {
        const copyId = attempt(() => board.duplicatePanel(panelId))
        if (copyId) onSelect(copyId)
        return copyId
      },
      deletePanel(panelId, label) {
        if (!attempt(() => board.deletePanel(panelId))) return
        onSelect(null)
        deleted(label)
      },
    }
  }, [board, undo, onSelect])
}
