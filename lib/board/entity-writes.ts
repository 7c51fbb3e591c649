import * as Y from 'yjs'
import type { EntityMap } from './layout'
import type { Placement } from './targets'

// The few ways operations touch Y types; every write of the board goes through these, inside ctx.transact.

/** A new entity's Y.Map, filled before it is integrated so the insert is a single item per field. */
export function newEntityMap(fields: object): Y.Map<unknown> {
  return new Y.Map<unknown>(Object.entries(fields))
}

/** Puts an entity at a placement: its parent field and order key, plus any siblings re-keyed after a tie. */
export function writePlacement(map: EntityMap, entity: Y.Map<unknown>, parentField: string | null, placement: Placement): void {
  if (parentField !== null && entity.get(parentField) !== placement.parentId) entity.set(parentField, placement.parentId)
  entity.set('order', placement.plan.key)
  for (const { id, order } of placement.plan.rekey) map.get(id)?.set('order', order)
}

/**
 * Writes only the fields whose value differs, so an edit that changes nothing sends nothing to peers and leaves no
 * empty step in anyone's undo history. Values are plain JSON, so comparing their JSON is exact.
 */
export function writeChangedFields(entity: Y.Map<unknown>, patch: object): boolean {
  let changed = false
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue
    const current = entity.get(key)
    if (current === value || (typeof value === 'object' && JSON.stringify(current) === JSON.stringify(value))) continue
    entity.set(key, value)
    changed = true
  }
  return changed
}

export function entityMap(map: EntityMap, id: string): Y.Map<unknown> | undefined {
  const value = map.get(id)
  return value instanceof Y.Map ? value : undefined
}
