import type * as Y from 'yjs'
import { createBoard, type Board } from '@/lib/board'
import { boardDocName } from '@/lib/collab/doc-name'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { changeDocument } from '@/server/collab/document-access'
import { getProject, type ProjectDetail } from '../projects/get-project'
import { frameRateOf } from './read-board'

/**
 * Editors and owners. Runs `change` on the live board as one transaction that connected people receive at once (see
 * server/collab/document-access.ts). `change` is synchronous: the board it gets is valid only while it runs.
 */
export async function changeBoard<T>(params: {
  actor: Actor | null
  projectId: string
  change: (board: Board, doc: Y.Doc) => T
}): Promise<{ result: T; project: ProjectDetail }> {
  const actor = requireSignedIn(params.actor)
  await requireRole(actor, { projectId: params.projectId }, 'editor')
  const project = await getProject({ actor, projectId: params.projectId })
  const result = await changeDocument(boardDocName(project.id), (doc) => {
    const board = createBoard(doc, { frameRate: frameRateOf(project) })
    try {
      return params.change(board, doc)
    } finally {
      board.destroy()
    }
  })
  return { result, project }
}
