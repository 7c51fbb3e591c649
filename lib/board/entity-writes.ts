import * as Y from 'yjs'
import type { EntityMap } from './layout'
import type { Placement } from './targets'

// The few ways operations touch Y types; every write of the board goes through these, inside ctx.transact.

/**
 * Adds a new entity at a placement. The Y.Map is filled before it is integrated, placement included, so each field
 * is written once (setting parent and order afterwards would write them as second items, bigger and slower).
 */
export function insertEntity(map: EntityMap, id: string, fields: object, parentField: string | null, placement: Placement): void {
  const placed = { ...fields, ...(parentField === null ? {} : { [parentField]: placement.parentId }), order: placement.plan.key }
  map.set(id, new Y.Map<unknown>(Object.entries(placed)))
  rekeySiblings(map, placement)
}

/** A copied entity whose order key only has to be unique among copies (the panels of a duplicated shot). */
export function insertCopy(map: EntityMap, id: string, fields: object): void {
  map.set(id, new Y.Map<unknown>(Object.entries(fields)))
}

/** Puts an entity at a placement: its parent field and order key, plus any siblings re-keyed after a tie. */
export function writePlacement(map: EntityMap, entity: Y.Map<unknown>, parentField: string | null, placement: Placement): void {
  if (parentField !== null && entity.get(parentField) !== placement.parentId) entity.set(parentField, placement.parentId)
  entity.set('order', placement.plan.key)
  rekeySiblings(map, placement)
}

function rekeySiblings(map: EntityMap, placement: Placement): void {
  for (const { id, order } of placement.plan.rekey) map.get(id)?.set('order', order)
}

/**
 * Writes only the fields whose value differs, so an edit that changes nothing sends nothing to peers and leaves no
 * empty step in anyone's undo history. Values are plain JSON, so comparing their JSON is exact.
 */
export function writeChangedFields(entity: Y.Map<unknown>, patch: object): boolean {
  let changed = false
  // for…in over a validated patch (own plain keys only): Object.entries made an array per field on every update.
  for (const key in patch) {
    const value = (patch as Record<string, unknown>)[key]
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
