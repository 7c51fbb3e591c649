// The first load of a panel drawing into a fresh tldraw store: migrate what an older tldraw wrote, load it, and
// write the upgraded records back so every client (and the stored thumbnail) sees the same current records.
import type * as Y from 'yjs'
import type { TLRecord, TLStore } from 'tldraw'
import { metaMapName, openRecords, schemaKey, storedRecords, storedSchema } from './yjs-records'

export type LoadOutcome =
  | { kind: 'empty' }
  | { kind: 'loaded'; migrated: boolean }
  /** Written by a newer tldraw than this client has: editing it here could lose data, so we refuse. */
  | { kind: 'too-new'; message: string }
  | { kind: 'failed'; message: string }

const tooNew = { kind: 'too-new', message: 'This drawing was saved by a newer version of Storyreel. Reload the page to edit it.' } as const

/** True once someone with a newer tldraw has written the drawing: this client can no longer read all its records. */
export function writtenByNewerVersion(store: TLStore, doc: Y.Doc): LoadOutcome | null {
  const theirs = storedSchema(doc)
  return theirs && !store.schema.getMigrationsSince(theirs).ok ? tooNew : null
}

/**
 * Loads the document's drawing into `store` (which should be fresh: nothing but what this load puts there). A
 * document without records is left untouched; tldraw creates its page on mount and the binding writes it, with
 * tldraw's fixed default ids, so two people opening a new panel at once end up with the same single page.
 * `migrated` says the records were upgraded on load (and, with writeBack, in the document).
 */
export function loadDrawing(store: TLStore, doc: Y.Doc, origin: unknown, options: { writeBack?: boolean } = {}): LoadOutcome {
  const entries = openRecords(doc)
  const records = storedRecords(entries)
  if (records.length === 0) return { kind: 'empty' }
  const ours = store.schema.serialize()
  // Records without a schema are from before we wrote one: treat them as current and let validation judge them.
  const theirs = storedSchema(doc) ?? ours
  const steps = store.schema.getMigrationsSince(theirs)
  if (!steps.ok) return tooNew
  const result = store.schema.migrateStoreSnapshot({ schema: theirs, store: Object.fromEntries(records.map((r) => [r.id, r])) })
  if (result.type === 'error') return { kind: 'failed', message: `This drawing could not be upgraded (${result.reason}).` }
  const migrated = Object.values(result.value) as TLRecord[]
  try {
    store.mergeRemoteChanges(() => store.put(migrated))
  } catch (error) {
    return { kind: 'failed', message: `This drawing could not be opened (${(error as Error).message}).` }
  }
  const upgraded = steps.value.length > 0
  // Viewers upgrade only their own copy: the server would drop their writes anyway, and an editor will write it.
  if (upgraded && options.writeBack !== false) {
    doc.transact(() => {
      for (const record of records) if (!(record.id in result.value)) entries.delete(record.id)
      for (const record of migrated) entries.set(record.id, record)
      doc.getMap(metaMapName).set(schemaKey, ours)
    }, origin)
  }
  return { kind: 'loaded', migrated: upgraded }
}

/** Stamps the schema the binding writes with, once, for documents that do not carry one yet. */
export function ensureSchemaStamp(store: TLStore, doc: Y.Doc, origin: unknown): void {
  if (storedSchema(doc)) return
  doc.transact(() => doc.getMap(metaMapName).set(schemaKey, store.schema.serialize()), origin)
}
