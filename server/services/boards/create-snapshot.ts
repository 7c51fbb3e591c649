import * as Y from 'yjs'
import { getDb } from '@/db'
import { boardSnapshotPanels, boardSnapshots } from '@/db/schema'
import { insertActivity } from '@/db/queries/activity'
import { boardPanelsKey, collabId, panelDocName } from '@/lib/collab/doc-name'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { readDocument } from '@/server/collab/document-access'
import { readBoard } from './read-board'
import { outlineCounts } from './snapshot-shapes'

/** Panel documents read at once while saving: enough to be quick, few enough to leave the pool to everyone else. */
const panelReadsAtOnce = 8

/**
 * Editors and owners. Saves the board as it is now (live state when this process serves it) and every panel drawing
 * the board names — empty ones included, so restoring also clears a drawing started after the save.
 */
export async function createSnapshot(params: { actor: Actor | null; projectId: string; name: string }): Promise<{ snapshotId: string }> {
  const actor = requireSignedIn(params.actor)
  const { workspaceId } = await requireRole(actor, { projectId: params.projectId }, 'editor')
  const { doc, board } = await readBoard({ actor, projectId: params.projectId })
  try {
    const boardState = Y.encodeStateAsUpdate(doc)
    const counts = outlineCounts(board.outline())
    // Ids that are not valid document names can have no drawing document.
    const panelIds = [...doc.getMap(boardPanelsKey).keys()].filter((id) => collabId.safeParse(id).success).sort()
    const panels: { panelId: string; state: Uint8Array }[] = []
    for (let i = 0; i < panelIds.length; i += panelReadsAtOnce) {
      const batch = panelIds.slice(i, i + panelReadsAtOnce)
      panels.push(...(await Promise.all(batch.map(async (panelId) => ({ panelId, state: await readState(panelDocName(panelId)) })))))
    }
    const bytes = panels.reduce((sum, panel) => sum + panel.state.byteLength, boardState.byteLength)
    const db = await getDb()
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(boardSnapshots)
        .values({ projectId: params.projectId, name: params.name, createdBy: actor.userId, boardState, ...counts, bytes })
        .returning({ id: boardSnapshots.id })
      const snapshotId = row!.id
      for (let i = 0; i < panels.length; i += 500) {
        await tx.insert(boardSnapshotPanels).values(panels.slice(i, i + 500).map((panel) => ({ snapshotId, ...panel })))
      }
      await insertActivity(tx, { workspaceId, projectId: params.projectId, actorId: actor.userId, kind: 'board.snapshot_created', data: { name: params.name, snapshotId } })
      return { snapshotId }
    })
  } finally {
    board.destroy()
    doc.destroy()
  }
}

async function readState(docId: string): Promise<Uint8Array> {
  const doc = await readDocument(docId)
  try {
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}
