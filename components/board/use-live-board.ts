'use client'
// The live board of a project for a component: the collab connection, the typed board over its document, the outline
// (re-read after every change, local or remote) and this user's undo history.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { createBoard, createBoardUndoManager, type Board, type BoardUndoManager, type Outline } from '@/lib/board'
import { boardDocName } from '@/lib/collab/doc-name'
import { useCollabDoc, type CollabDoc } from '@/components/collab/use-collab-doc'
import { readOnlyReasonFor, type BoardProject } from './board-project'

export interface LiveBoard {
  collab: CollabDoc
  board: Board
  outline: Outline
  undo: BoardUndoManager
  canUndo: boolean
  canRedo: boolean
  /** The document has content to show: synced with the server, or the offline copy is open. Until then "empty" would be a lie. */
  loaded: boolean
  /** Why controls are disabled, or null when this person can edit. */
  readOnlyReason: string | null
}

export function useLiveBoard(project: BoardProject, userId: string): LiveBoard {
  const collab = useCollabDoc(boardDocName(project.id), { userId })
  const { numerator, denominator } = project.frameRate
  const { board, undo } = useMemo(() => {
    const board = createBoard(collab.doc, { frameRate: { numerator, denominator } })
    return { board, undo: createBoardUndoManager(board) }
  }, [collab.doc, numerator, denominator])
  useEffect(() => () => {
    undo.destroy()
    board.destroy()
  }, [board, undo])

  const outline = useSyncExternalStore(board.observe, board.outline, board.outline)
  const [history, setHistory] = useState({ canUndo: false, canRedo: false })
  useEffect(() => undo.onChange(() => setHistory({ canUndo: undo.canUndo(), canRedo: undo.canRedo() })), [undo])

  const loaded = collab.savedLocally || collab.status === 'connected' || collab.status === 'read-only' || collab.status === 'denied'
  return { collab, board, outline, undo, ...history, loaded, readOnlyReason: readOnlyReasonFor(project, collab.readOnly) }
}
