import { z } from 'zod'
import type * as Y from 'yjs'
import type { Placed } from './entity-index'
import { ROOT } from './layout'
import { isValidOrderKey } from './order'
import { NO, quickEntity, quickParsersFor, numberLockParsers, type FieldParsers } from './quick-parse'
import {
  panelDefaults,
  panelFieldsFor,
  sceneDefaults,
  sceneFields,
  shotDefaults,
  shotFields,
  memoByFrameRate,
  numberLock,
  type Panel,
  type Scene,
  type Shot,
} from './schema'

// Reading a document is tolerant where writing is strict: a field written by an older client, a newer one or a buggy
// peer falls back to its default instead of hiding the whole entity, so one bad value never blanks a board. The first
// attempt takes an ordinary record through the quick parsers (quick-parse.ts), then the whole record through zod; only
// a record that fails both is decoded field by field.

type FieldSchemas = Record<string, z.ZodType>

/**
 * Ordinary records are read straight from the map; otherwise from a fresh toJSON() copy, into which the placement
 * (already checked) is written first, so the whole schema's output is the finished entity and no second copy is made.
 */
function decodeFields<T extends object>(
  map: Y.Map<unknown>,
  placement: Record<string, string>,
  quick: { fields: FieldParsers<object>; trailing?: FieldParsers<object> },
  whole: z.ZodType<T>,
  fields: FieldSchemas,
  defaults: object,
): T {
  const fast = quickEntity<T>(map, quick.fields, placement, quick.trailing)
  if (fast !== NO) return fast as T
  const raw = map.toJSON() as Record<string, unknown>
  Object.assign(raw, placement)
  const parsed = whole.safeParse(raw)
  if (parsed.success) return parsed.data
  const result: Record<string, unknown> = { ...placement }
  for (const [key, schema] of Object.entries(fields)) {
    const field = schema.safeParse(raw[key])
    result[key] = field.success ? field.data : (defaults as Record<string, unknown>)[key]
  }
  return result as T
}

/** Reads an entity's parent and order key; `parentField` is null for scenes, whose parent is the board. */
export function placementReader(parentField: 'sceneId' | 'shotId' | null) {
  return (map: Y.Map<unknown>) => {
    const order = map.get('order')
    const parent = parentField === null ? ROOT : map.get(parentField)
    return {
      // An unreadable order key sorts as the first integer key; the id tie-break keeps the result deterministic.
      order: typeof order === 'string' && isValidOrderKey(order) ? order : 'a0',
      // An unreadable parent makes the entity an orphan, which outline.ts already knows how to show.
      parent: typeof parent === 'string' ? parent : ROOT,
    }
  }
}

/** Non-strict copies of the field schemas plus placement: unknown keys from newer clients are ignored on read. */
function loose<S extends z.ZodRawShape, P extends z.ZodRawShape>(schema: z.ZodObject<S>, placement: P) {
  return z.object({ ...schema.shape, ...placement })
}

export interface Decoders {
  scene(id: string, map: Y.Map<unknown>, placed: Placed): Scene
  shot(id: string, map: Y.Map<unknown>, placed: Placed): Shot
  panel(id: string, map: Y.Map<unknown>, placed: Placed): Panel
}

export const decodersFor = memoByFrameRate((frameRate): Decoders => {
  const panelFields = panelFieldsFor(frameRate)
  const wholeScene = loose(sceneFields, { id: z.string(), order: z.string() })
  // numberLock is stored but not user-editable, so it is not in shotFields; it decodes like one.
  const storedShotFields = { ...shotFields.shape, numberLock: numberLock.nullable() }
  const storedShotDefaults = { ...shotDefaults, numberLock: null }
  const wholeShot = loose(shotFields, { id: z.string(), order: z.string(), sceneId: z.string(), numberLock: numberLock.nullable() })
  const wholePanel = loose(panelFields, { id: z.string(), order: z.string(), shotId: z.string() })
  const defaultPanel = panelDefaults(frameRate)
  const quick = quickParsersFor(frameRate)
  const quickScene = { fields: quick.scene }
  const quickShot = { fields: quick.shot, trailing: numberLockParsers }
  const quickPanel = { fields: quick.panel }
  return {
    scene: (id, map, { order }) => decodeFields(map, { id, order }, quickScene, wholeScene, sceneFields.shape, sceneDefaults),
    shot: (id, map, { order, parent }) =>
      decodeFields(map, { id, order, sceneId: parent }, quickShot, wholeShot, storedShotFields, storedShotDefaults),
    panel: (id, map, { order, parent }) =>
      decodeFields(map, { id, order, shotId: parent }, quickPanel, wholePanel, panelFields.shape, defaultPanel),
  }
})
