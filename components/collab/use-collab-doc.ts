'use client'
// One live document for a component: the Y.Doc, its presence (awareness) and what to tell the person about the
// connection. The connection is opened and closed in an effect, so StrictMode's double mount is harmless.
import { useLayoutEffect, useMemo, useSyncExternalStore } from 'react'
import * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import { CollabConnection, type CollabSnapshot } from './collab-connection'

export interface CollabDoc extends CollabSnapshot {
  doc: Y.Doc
  /** Presence (cursors, who is here); null until the connection has started. */
  awareness: Awareness | null
  /** Try again after "access denied" (e.g. after signing in again in another tab). */
  retry: () => void
}

/**
 * `docId` is `board:<projectId>`, `panel:<panelId>` or `review:<reviewItemId>`. Pass the signed-in user's id so their
 * offline copy is kept apart from anyone else's on the same browser; `offlineStorage: false` keeps no copy (a feed
 * only the server writes has nothing to keep offline). A new docId (or user) gets a fresh Y.Doc.
 */
export function useCollabDoc(docId: string, options: { userId?: string; offlineStorage?: boolean } = {}): CollabDoc {
  const { userId, offlineStorage } = options
  // Constructing these opens nothing (no socket, no timer), so it is safe during render; in the browser the connection
  // sends its access probe from here, the earliest moment the docId is known.
  const session = useMemo(() => {
    const doc = new Y.Doc()
    const baseUrl = typeof window === 'undefined' ? 'http://localhost' : window.location.origin
    return { doc, connection: new CollabConnection({ docId, doc, baseUrl, userId, offlineStorage }) }
  }, [docId, userId, offlineStorage])

  // A layout effect: after the hydration commit, not after the first paint of the whole page, so the socket is on its
  // way a frame sooner. start() only creates objects and opens the socket; it does not touch the DOM.
  useLayoutEffect(() => {
    session.connection.start()
    return () => session.connection.stop()
  }, [session])

  const { connection, doc } = session
  const snapshot = useSyncExternalStore(connection.subscribe, connection.getSnapshot, connection.getSnapshot)
  // snapshot.generation changes when start() makes a fresh awareness, so this read is never stale.
  return { ...snapshot, doc, awareness: snapshot.generation > 0 ? connection.awareness : null, retry: () => connection.retry() }
}
