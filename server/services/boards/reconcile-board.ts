import * as Y from 'yjs'

// Restoring a version as a new change: instead of replacing the document (which would drop everyone's copy and their
// undo history), write into the live board just the edits that make it equal the saved one. Connected people receive
// them like any edit and keep working.

/** The board's entity maps (lib/board/layout.ts). `meta` is left alone: a restore never lowers the schema version. */
const entityMaps = ['scenes', 'shots', 'panels'] as const

/**
 * Makes `live`'s scenes, shots and panels equal `target`'s — same ids, fields, parents and order keys — by deleting
 * entities and fields the target lacks and setting those that differ. A deleted entity comes back under its old id.
 * Call inside a transaction on `live`. Returns whether anything changed.
 */
export function reconcileBoard(live: Y.Doc, target: Y.Doc): boolean {
  let changed = false
  for (const name of entityMaps) changed = reconcileEntities(live.getMap(name), target.getMap(name)) || changed
  return changed
}

function reconcileEntities(live: Y.Map<unknown>, target: Y.Map<unknown>): boolean {
  let changed = false
  for (const id of [...live.keys()]) {
    if (target.has(id)) continue
    live.delete(id)
    changed = true
  }
  target.forEach((value, id) => {
    // Entities are Y.Maps of plain JSON fields; anything else was unreadable when saved and is left as it is live.
    if (!(value instanceof Y.Map)) return
    const wanted = value.toJSON() as Record<string, unknown>
    const current = live.get(id)
    if (!(current instanceof Y.Map)) {
      live.set(id, new Y.Map<unknown>(Object.entries(wanted)))
      changed = true
      return
    }
    for (const key of [...current.keys()]) {
      if (key in wanted) continue
      current.delete(key)
      changed = true
    }
    for (const [key, field] of Object.entries(wanted)) {
      if (sameJson(plain(current.get(key)), field)) continue
      current.set(key, field)
      changed = true
    }
  })
  return changed
}

const plain = (value: unknown): unknown => (value instanceof Y.AbstractType ? (value.toJSON() as unknown) : value)

/** Field values are plain JSON, so equal JSON is equal value. */
export const sameJson = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b)
