// Server-side reads and writes of live documents (board:<projectId>, panel:<panelId>), for services such as board
// snapshots. A write goes through the room like a client's edit would: applied in one transaction, persisted by the
// update log, sent to every connected client and, with Redis, to the other instances.
import * as Y from 'yjs'
import { getDb } from '@/db'
import { collabUpdates } from '@/db/schema'
import { parseDocName, type DocName } from '@/lib/collab/doc-name'
import { AppError } from '@/lib/errors'
import { getCollabServer } from './global-handle'
import { loadDocument } from './persistence'
import type { RoomRegistry } from './rooms'

/**
 * What the collab server offers to the rest of the process. Byte-level on purpose: the Next.js bundle carries its own
 * copy of yjs, and Yjs objects from one copy cannot be used with another (it checks `instanceof`), so only encoded
 * states and updates cross between server/main.ts's module graph and the bundle. readDocument/changeDocument below
 * build the Y.Doc with the caller's own copy.
 */
export interface LiveDocuments {
  /** The full state as one update: the loaded room's when this process holds the document, else the stored one. */
  readState(docId: string): Promise<Uint8Array>
  /**
   * Hands `makeUpdate` the current state and applies the update it returns (null: nothing to change) as one
   * transaction with `origin`. State and apply happen in one synchronous step, so no other edit can slip in between.
   * Resolves once the update is saved.
   */
  applyChange(docId: string, makeUpdate: (state: Uint8Array) => Uint8Array | null, origin?: unknown): Promise<void>
}

/** The origin of server-made changes when the caller gives none; never a connection, so every socket receives them. */
export const serverChangeOrigin = Symbol.for('storyreel.server-change')

/**
 * Through the rooms of a running collab server: loads the document if nobody has it open, releases it afterwards.
 * Once the server is shutting down, writes are refused: a room loaded then would never be saved.
 */
export function createLiveDocuments(registry: RoomRegistry, saved: () => Promise<void>, closing: () => boolean = () => false): LiveDocuments {
  return {
    async readState(docId) {
      const room = registry.get(requireDocName(docId).name)
      return room ? Y.encodeStateAsUpdate(room.doc) : storedState(docId)
    },
    async applyChange(docId, makeUpdate, origin = serverChangeOrigin) {
      if (closing()) throw new AppError('UNAVAILABLE', { userMessage: 'The server is restarting; try again shortly.' })
      const room = await registry.acquire(requireDocName(docId))
      let applied = false
      try {
        const update = makeUpdate(Y.encodeStateAsUpdate(room.doc))
        if (update) {
          Y.applyUpdate(room.doc, update, origin)
          applied = true
        }
      } finally {
        registry.release(docId)
      }
      if (applied) await saved()
    },
  }
}

/**
 * Without a collab server in this process (unit tests, scripts, the job worker): straight from and to the database.
 * A write is appended to collab_updates like any other update, so the next load of the document includes it; a room
 * held open by another process does not see it until it reloads, and panel ownership (doc_panels) is not learned.
 */
export const storedDocuments: LiveDocuments = {
  readState: storedState,
  async applyChange(docId, makeUpdate) {
    requireDocName(docId)
    const update = makeUpdate(await storedState(docId))
    if (update) await (await getDb()).insert(collabUpdates).values({ docId, update })
  },
}

/** The running collab server's documents when there is one in this process, else the database directly. */
export function documentsInThisProcess(): LiveDocuments {
  return getCollabServer()?.documents ?? storedDocuments
}

/** A private copy of the document; edits to it go nowhere. */
export async function readDocument(docId: string, documents: LiveDocuments = documentsInThisProcess()): Promise<Y.Doc> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, await documents.readState(docId))
  return doc
}

export interface ChangeOptions {
  /** The transaction origin in the live room. */
  origin?: unknown
  documents?: LiveDocuments
}

/**
 * Runs `change` on the document in one Yjs transaction and applies the result to the live document. `change` works
 * on a copy built with this module's yjs (see LiveDocuments), is synchronous, and must not keep the doc.
 */
export async function changeDocument<T>(docId: string, change: (doc: Y.Doc) => T, options: ChangeOptions = {}): Promise<T> {
  const documents = options.documents ?? documentsInThisProcess()
  let result: { value: T } | null = null
  await documents.applyChange(
    docId,
    (state) => {
      const doc = new Y.Doc()
      try {
        Y.applyUpdate(doc, state)
        let update: Uint8Array | null = null
        doc.on('update', (made: Uint8Array) => {
          update = made
        })
        doc.transact(() => {
          result = { value: change(doc) }
        }, options.origin)
        return update
      } finally {
        doc.destroy()
      }
    },
    options.origin,
  )
  if (!result) throw new Error('changeDocument: the change never ran')
  return (result as { value: T }).value
}

/** An update with nothing in it: no structs, no deletions. */
const emptyUpdate = new Uint8Array([0, 0])

async function storedState(docId: string): Promise<Uint8Array> {
  const { updates } = await loadDocument(requireDocName(docId).name)
  if (updates.length === 0) return emptyUpdate
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)
}

function requireDocName(docId: string): DocName {
  const name = parseDocName(docId)
  if (!name) throw new AppError('BAD_REQUEST', { userMessage: 'Document names are board:<projectId> or panel:<panelId>.' })
  return name
}
