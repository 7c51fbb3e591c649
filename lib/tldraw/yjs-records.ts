// Where a panel drawing lives inside its `panel:<panelId>` Y.Doc, and the two directions of sync between that document
// and a tldraw store. DOM-free, so the binding can be tested in Node with two documents and two stores.
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import type { RecordsDiff, SerializedSchema, TLRecord, TLStore } from 'tldraw'

/** tldraw records, one entry per record id. YKeyValue, not Y.Map: a Y.Map keeps every overwritten value forever. */
export const recordsArrayName = 'tl_records'
/** Holds `schema`: the serialized tldraw schema the records were last written with, so old drawings can migrate. */
export const metaMapName = 'tl_meta'
export const schemaKey = 'schema'

export type RecordEntries = YKeyValue<TLRecord>

export function openRecords(doc: Y.Doc): RecordEntries {
  return new YKeyValue<TLRecord>(doc.getArray<{ key: string; val: TLRecord }>(recordsArrayName))
}

export function storedSchema(doc: Y.Doc): SerializedSchema | null {
  const value = doc.getMap<unknown>(metaMapName).get(schemaKey)
  return value && typeof value === 'object' ? (value as SerializedSchema) : null
}

export function storedRecords(entries: RecordEntries): TLRecord[] {
  return [...entries.map.values()].map((entry) => entry.val)
}

/** Writes one store diff (local user edits) into the document as one transaction. */
export function writeDiff(entries: RecordEntries, diff: RecordsDiff<TLRecord>, origin: unknown): void {
  entries.doc.transact(() => {
    for (const record of Object.values(diff.added)) entries.set(record.id, record)
    for (const [, to] of Object.values(diff.updated)) entries.set(to.id, to)
    for (const record of Object.values(diff.removed)) entries.delete(record.id)
  }, origin)
}

type EntryChange = { action: 'add'; newValue: TLRecord } | { action: 'update'; newValue: TLRecord } | { action: 'delete' }

export interface RemoteOps {
  put: TLRecord[]
  remove: TLRecord['id'][]
}

/** What a YKeyValue change event asks of the store. */
export function opsFromEntryChanges(changes: ReadonlyMap<string, EntryChange>): RemoteOps {
  const ops: RemoteOps = { put: [], remove: [] }
  for (const [id, change] of changes) {
    if (change.action === 'delete') ops.remove.push(id as TLRecord['id'])
    else ops.put.push(change.newValue)
  }
  return ops
}

/**
 * Applies records that came from elsewhere. A record this version of tldraw cannot validate (written by a newer
 * client, or by a broken or hostile one) is skipped and reported, so one bad record cannot stop the rest syncing.
 */
export function applyRemoteOps(store: TLStore, ops: RemoteOps, onRejected?: (record: TLRecord, error: unknown) => void): void {
  const accepted: TLRecord[] = []
  for (const record of ops.put) {
    try {
      store.schema.validateRecord(store, record, 'updateRecord', null)
      accepted.push(record)
    } catch (error) {
      onRejected?.(record, error)
    }
  }
  const present = ops.remove.filter((id) => store.has(id))
  store.mergeRemoteChanges(() => {
    if (present.length > 0) store.remove(present)
    if (accepted.length > 0) store.put(accepted)
  })
}

/**
 * Keeps a store and a document in step from now on: the store's document-scoped user changes become one Yjs
 * transaction with `origin`; everyone else's Yjs changes are merged into the store as remote changes (so they are not
 * echoed back and are not on this person's undo stack). Returns the function that stops both directions.
 */
export function bindStoreToDoc(store: TLStore, doc: Y.Doc, origin: unknown, onRejected?: (record: TLRecord, error: unknown) => void): () => void {
  const entries = openRecords(doc)
  const stopListening = store.listen(({ changes }) => writeDiff(entries, changes, origin), { source: 'user', scope: 'document' })
  const onChange = (changes: Map<string, EntryChange>, transaction: Y.Transaction) => {
    if (transaction.origin === origin) return
    applyRemoteOps(store, opsFromEntryChanges(changes), onRejected)
  }
  entries.on('change', onChange)
  return () => {
    stopListening()
    entries.off('change', onChange)
  }
}
