import type { BoardContext } from './board-context'

/** The ids a delete removed, cascade included: what an "undo" toast can name and what the server can clean up. */
export interface Removed {
  scenes: string[]
  shots: string[]
  panels: string[]
}

export interface BoardDeletes {
  // Deleting something that is already gone is not an error: with several people editing, "someone deleted it first"
  // is an everyday race, and the end state is the one the user asked for. The result is then empty.
  deleteScene(sceneId: string): Removed
  deleteShot(shotId: string): Removed
  deletePanel(panelId: string): Removed
}

export function createDeletes(ctx: BoardContext): BoardDeletes {
  const { maps, ix } = ctx

  // Children are known from this replica's state only; a child someone else adds at the same moment survives as an
  // orphan (see outline.ts) rather than being lost or resurrecting its parent.
  function remove(removed: Removed): Removed {
    if (removed.scenes.length + removed.shots.length + removed.panels.length === 0) return removed
    ctx.transact(() => {
      for (const id of removed.panels) maps.panels.delete(id)
      for (const id of removed.shots) maps.shots.delete(id)
      for (const id of removed.scenes) maps.scenes.delete(id)
    })
    return removed
  }

  const panelsOf = (shotIds: string[]) => shotIds.flatMap((shotId) => ix.panels.placements(shotId).map((panel) => panel.id))

  return {
    deleteScene(sceneId) {
      if (!ix.scenes.has(sceneId)) return remove({ scenes: [], shots: [], panels: [] })
      const shots = ix.shots.placements(sceneId).map((shot) => shot.id)
      return remove({ scenes: [sceneId], shots, panels: panelsOf(shots) })
    },
    deleteShot(shotId) {
      if (!ix.shots.has(shotId)) return remove({ scenes: [], shots: [], panels: [] })
      return remove({ scenes: [], shots: [shotId], panels: panelsOf([shotId]) })
    },
    deletePanel(panelId) {
      return remove({ scenes: [], shots: [], panels: ix.panels.has(panelId) ? [panelId] : [] })
    },
  }
}
