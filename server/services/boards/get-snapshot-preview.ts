import * as Y from 'yjs'
import { createBoard } from '@/lib/board'
import type { SnapshotPreview } from '@/lib/schemas/boards'
import type { Actor } from '@/server/auth/require-role'
import { getProject } from '../projects/get-project'
import { findSnapshot } from './get-snapshot'
import { frameRateOf } from './read-board'
import { previewOf } from './snapshot-shapes'

/** Viewers and up: the saved board's outline, for a read-only look before restoring. */
export async function getSnapshotPreview(params: { actor: Actor | null; projectId: string; snapshotId: string }): Promise<SnapshotPreview> {
  const project = await getProject(params)
  const snapshot = await findSnapshot(project.id, params.snapshotId)
  const doc = new Y.Doc()
  const board = createBoard(doc, { frameRate: frameRateOf(project) })
  try {
    Y.applyUpdate(doc, snapshot.boardState)
    return previewOf(snapshot, board.outline())
  } finally {
    board.destroy()
    doc.destroy()
  }
}
