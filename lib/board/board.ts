import type * as Y from 'yjs'
import { createBoardContext, type BoardChange, type BoardContext, type BoardContextOptions } from './board-context'
import { createDeletes, type BoardDeletes } from './deletes'
import { createEdits, type BoardEdits } from './edits'
import { createInserts, type BoardInserts } from './inserts'
import { createReads, type BoardReads } from './reads'
import { createPlacer } from './targets'

/**
 * A project's board (the `board:<projectId>` document) as typed reads and operations on plain objects. Components
 * use this and never the Y types underneath. Every operation is one Yjs transaction made with `origin`, so a
 * per-user UndoManager (undo.ts) can undo exactly that user's steps.
 */
export interface Board extends BoardReads, BoardInserts, BoardEdits, BoardDeletes {
  /** The transaction origin of this board's operations: one per user (or per tab) editing the document. */
  readonly origin: unknown
  /** Called once per transaction that changed the board, local or remote. Returns the unsubscribe function. */
  observe(callback: (change: BoardChange) => void): () => void
  /** Stops listening to the document. The board must not be used afterwards. */
  destroy(): void
}

export interface BoardOptions extends BoardContextOptions {
  /** The transaction origin for this board's operations; a fresh unique one when not given. */
  origin?: unknown
}

const contexts = new WeakMap<Board, BoardContext>()

export function createBoard(doc: Y.Doc, options: BoardOptions = {}): Board {
  const ctx = createBoardContext(doc, options)
  const placer = createPlacer(ctx)
  const board: Board = {
    ...createReads(ctx),
    ...createInserts(ctx, placer),
    ...createEdits(ctx, placer),
    ...createDeletes(ctx),
    origin: ctx.origin,
    observe: ctx.observe,
    destroy: ctx.destroy,
  }
  contexts.set(board, ctx)
  return board
}

/** For sibling modules (undo) that need the document behind a board; not part of the public API. */
export function boardContextOf(board: Board): BoardContext {
  const ctx = contexts.get(board)
  if (!ctx) throw new Error('Not a board made by createBoard')
  return ctx
}
