import { eq } from 'drizzle-orm'
import * as Y from 'yjs'
import { getDb } from '@/db'
import { boardSnapshotPanels } from '@/db/schema'
import { insertActivity } from '@/db/queries/activity'
import { canEditBoard } from '@/lib/board'
import { panelDocName } from '@/lib/collab/doc-name'
import { AppError } from '@/lib/errors'
import type { RestoreResult } from '@/lib/schemas/boards'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { changeDocument } from '@/server/collab/document-access'
import { changeBoard } from './change-board'
import { findSnapshot } from './get-snapshot'
import { reconcileBoard } from './reconcile-board'
import { reconcileDrawing } from './reconcile-drawing'

/**
 * Editors and owners. Brings the board back to a saved version as a NEW change: the live board (and each panel
 * drawing the version saved) receives exactly the edits that make it equal the version, so people with the board open
 * see it change in place, keep their connection and can carry on — and anything deleted comes back under its old id.
 * The board goes first, then the drawings one document at a time (each its own change).
 */
export async function restoreSnapshot(params: { actor: Actor | null; projectId: string; snapshotId: string }): Promise<RestoreResult> {
  const actor = requireSignedIn(params.actor)
  const { workspaceId } = await requireRole(actor, { projectId: params.projectId }, 'editor')
  const snapshot = await findSnapshot(params.projectId, params.snapshotId)
  const target = new Y.Doc()
  try {
    Y.applyUpdate(target, snapshot.boardState)
    await changeBoard({
      actor,
      projectId: params.projectId,
      change: (_board, live) => {
        if (!canEditBoard(live)) {
          throw new AppError('CONFLICT', { userMessage: 'This board was saved by a newer version of Storyreel; it cannot be restored from here.' })
        }
        return reconcileBoard(live, target)
      },
    })
  } finally {
    target.destroy()
  }

  const db = await getDb()
  const panels = await db.select().from(boardSnapshotPanels).where(eq(boardSnapshotPanels.snapshotId, snapshot.id))
  let drawingsRestored = 0
  for (const panel of panels) {
    const saved = new Y.Doc()
    try {
      Y.applyUpdate(saved, panel.state)
      if (await changeDocument(panelDocName(panel.panelId), (live) => reconcileDrawing(live, saved))) drawingsRestored += 1
    } finally {
      saved.destroy()
    }
  }

  await insertActivity(db, {
    workspaceId,
    projectId: params.projectId,
    actorId: actor.userId,
    kind: 'board.snapshot_restored',
    data: { name: snapshot.name, snapshotId: snapshot.id, drawingsRestored },
  })
  return { snapshotId: snapshot.id, name: snapshot.name, drawingsRestored }
}
