import { z } from 'zod'
import type * as Y from 'yjs'
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

function placementOf(raw: Record<string, unknown>, parentKey: string) {
  const order = raw.order
  const parent = raw[parentKey]
  return {
    // An unreadable order key sorts as the first integer key; the id tie-break keeps the result deterministic.
    order: typeof order === 'string' && isValidOrderKey(order) ? order : 'a0',
    // An unreadable parent makes the entity an orphan, which outline.ts already knows how to show.
    parent: typeof parent === 'string' ? parent : '',
  }
}

/** Non-strict copies of the field schemas: unknown keys from newer clients are ignored on read, not fatal. */
function loose<S extends z.ZodRawShape>(schema: z.ZodObject<S>) {
  return z.object(schema.shape)
}

/**
 * Decoded entities are shared by every reader and cached until their next edit, so they are frozen: a component
 * that mutated one would otherwise silently change what every other view shows without touching the document.
 */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner)
    Object.freeze(value)
  }
  return value
}

export interface Decoders {
  scene(id: string, map: Y.Map<unknown>): Scene
  shot(id: string, map: Y.Map<unknown>): Shot
  panel(id: string, map: Y.Map<unknown>): Panel
}

export const decodersFor = memoByFrameRate((frameRate): Decoders => {
  const panelFields = panelFieldsFor(frameRate)
  const wholeScene = loose(sceneFields)
  const wholeShot = loose(shotFields)
  const wholePanel = loose(panelFields)
  const defaultPanel = panelDefaults(frameRate)
  return {
    scene(id, map) {
      const raw = map.toJSON()
      const { order } = placementOf(raw, 'sceneId')
      return deepFreeze({ ...decodeFields(raw, wholeScene, sceneFields.shape, sceneDefaults), id, order })
    },
    shot(id, map) {
      const raw = map.toJSON()
      const { order, parent } = placementOf(raw, 'sceneId')
      const lock = numberLock.safeParse(raw.numberLock)
      const fields = decodeFields(raw, wholeShot, shotFields.shape, shotDefaults)
      return deepFreeze({ ...fields, id, order, sceneId: parent, numberLock: lock.success ? lock.data : null })
    },
    panel(id, map) {
      const raw = map.toJSON()
      const { order, parent } = placementOf(raw, 'shotId')
      return deepFreeze({ ...decodeFields(raw, wholePanel, panelFields.shape, defaultPanel), id, order, shotId: parent })
    },
  }
})
