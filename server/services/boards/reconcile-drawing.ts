import type * as Y from 'yjs'
import type { TLRecord } from 'tldraw'
import { metaMapName, openRecords, schemaKey, storedSchema } from '@/lib/tldraw/yjs-records'
import { sameJson } from './reconcile-board'

/**
 * Makes a live panel drawing (tldraw records in a YKeyValue, lib/tldraw/yjs-records.ts) equal a saved one, record by
 * record, as a new change an open panel editor merges like anyone's edit. The schema stamp goes back too, so the
 * records are migrated from the version they were written with. Call inside a transaction on `live`.
 */
export function reconcileDrawing(live: Y.Doc, target: Y.Doc): boolean {
  const liveRecords = openRecords(live)
  const targetRecords = openRecords(target)
  let changed = false
  for (const id of [...liveRecords.map.keys()]) {
    if (targetRecords.has(id)) continue
    liveRecords.delete(id)
    changed = true
  }
  for (const [id, entry] of targetRecords.map) {
    if (sameJson(liveRecords.get(id), entry.val)) continue
    liveRecords.set(id, entry.val as TLRecord)
    changed = true
  }
  const schema = storedSchema(target)
  if (schema && !sameJson(storedSchema(live), schema)) {
    live.getMap(metaMapName).set(schemaKey, schema)
    changed = true
  }
  return changed
}
