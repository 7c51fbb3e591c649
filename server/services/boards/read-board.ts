import type * as Y from 'yjs'
import { createBoard, type Board, type FrameRateLike } from '@/lib/board'
import { boardDocName } from '@/lib/collab/doc-name'
import type { Actor } from '@/server/auth/require-role'
import { readDocument } from '@/server/collab/document-access'
import { getProject, type ProjectDetail } from '../projects/get-project'

export interface ReadBoard {
  /** A private copy of the board document: the live state when this process serves it, else the stored one. */
  doc: Y.Doc
  board: Board
  project: ProjectDetail
}

export const frameRateOf = (project: { fpsNumerator: number; fpsDenominator: number }): FrameRateLike => ({
  numerator: project.fpsNumerator,
  denominator: project.fpsDenominator,
})

/** Viewers and up. The copy is the caller's: edits to it go nowhere (use changeBoard to write). */
export async function readBoard(params: { actor: Actor | null; projectId: string }): Promise<ReadBoard> {
  const project = await getProject(params)
  const doc = await readDocument(boardDocName(project.id))
  return { doc, board: createBoard(doc, { frameRate: frameRateOf(project) }), project }
}
