import { z } from 'zod'
import type * as Y from 'yjs'
import type { Placed } from './entity-index'
import { ROOT } from './layout'
import { isValidOrderKey } from './order'
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
// attempt parses the whole record at once (the common, fast path); only a record that fails is decoded field by field.

type FieldSchemas = Record<string, z.ZodType>

function decodeFields<T extends object>(raw: Record<string, unknown>, whole: z.ZodType<T>, fields: FieldSchemas, defaults: T): T {
  const parsed = whole.safeParse(raw)
  if (parsed.success) return parsed.data
  const result: Record<string, unknown> = {}
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

/** Non-strict copies of the field schemas: unknown keys from newer clients are ignored on read, not fatal. */
function loose<S extends z.ZodRawShape>(schema: z.ZodObject<S>) {
  return z.object(schema.shape)
}

export interface Decoders {
  scene(id: string, map: Y.Map<unknown>, placed: Placed): Scene
  shot(id: string, map: Y.Map<unknown>, placed: Placed): Shot
  panel(id: string, map: Y.Map<unknown>, placed: Placed): Panel
}

export const decodersFor = memoByFrameRate((frameRate): Decoders => {
  const panelFields = panelFieldsFor(frameRate)
  const wholeScene = loose(sceneFields)
  const wholeShot = loose(shotFields)
  const wholePanel = loose(panelFields)
  const defaultPanel = panelDefaults(frameRate)
  return {
    scene: (id, map, { order }) => ({ ...decodeFields(map.toJSON(), wholeScene, sceneFields.shape, sceneDefaults), id, order }),
    shot(id, map, { order, parent }) {
      const raw = map.toJSON()
      // Most shots have no lock; checking for that first avoids building a zod error per shot.
      const lock = raw.numberLock == null ? null : numberLock.safeParse(raw.numberLock)
      const fields = decodeFields(raw, wholeShot, shotFields.shape, shotDefaults)
      return { ...fields, id, order, sceneId: parent, numberLock: lock?.success ? lock.data : null }
    },
    panel: (id, map, { order, parent }) => ({ ...decodeFields(map.toJSON(), wholePanel, panelFields.shape, defaultPanel), id, order, shotId: parent }),
  }
})
