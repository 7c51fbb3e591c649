'use client'
// The tldraw store of one panel drawing, kept in step with its live Y.Doc (see lib/tldraw for the sync rules). The
// store is made per document; loading waits until the server's state (or the offline copy) is in, so an empty store
// never races stored records.
import { useEffect, useMemo } from 'react'
import type * as Y from 'yjs'
import { atom, createTLStore, useValue, defaultBindingUtils, defaultShapeUtils, type TLAssetStore, type TLStoreWithStatus } from 'tldraw'
import type { ConnectionStatus } from '@/lib/collab/connection-state'
import { loadDrawing, ensureSchemaStamp, writtenByNewerVersion, type LoadOutcome } from '@/lib/tldraw/load-drawing'
import { bindStoreToDoc, metaMapName, openRecords } from '@/lib/tldraw/yjs-records'

export interface YjsTldrawStoreOptions {
  doc: Y.Doc
  status: ConnectionStatus
  /** The offline copy has been read from IndexedDB. */
  savedLocally: boolean
  readOnly: boolean
  assets: TLAssetStore
}

export type PanelStore = TLStoreWithStatus

export function useYjsTldrawStore({ doc, status, savedLocally, readOnly, assets }: YjsTldrawStoreOptions): PanelStore {
  // Signals the editor reads: read-only mode (it sets isReadonly itself) and whether we are online.
  const mode = useMemo(() => atom<'readonly' | 'readwrite'>('panel mode', 'readonly'), [])
  const online = useMemo(() => atom<'online' | 'offline'>('panel connection', 'offline'), [])
  const { store, loaded } = useMemo(
    () => ({
      store: createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils, assets, collaboration: { mode, status: online } }),
      // How the first load went, null until it has happened; a signal so the effect that loads can report it.
      loaded: atom<LoadOutcome | null>('panel load', null),
    }),
    // A new document gets a new store; the asset store only changes with the project, which remounts the editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [doc, mode, online],
  )
  const outcome = useValue(loaded)

  const connected = status === 'connected' || status === 'read-only'
  // Offline with a non-empty local copy we can show it; a brand new panel waits for the server so two people never
  // start it twice from different empty states.
  const canLoad = outcome !== null || connected || (savedLocally && openRecords(doc).map.size > 0)

  useEffect(() => {
    if (!canLoad) return
    const origin = { panelEditor: store.id }
    const result = loadDrawing(store, doc, origin, { writeBack: !readOnly })
    loaded.set(result)
    if (result.kind === 'too-new' || result.kind === 'failed') return
    const unbind = bindStoreToDoc(store, doc, origin, (record, error) => console.warn(`Skipped drawing record ${record.id}:`, error))
    // Someone with a newer version upgraded the drawing: stop before this client writes records it half understands.
    const meta = doc.getMap(metaMapName)
    const onMeta = () => {
      const newer = writtenByNewerVersion(store, doc)
      if (!newer) return
      unbind()
      loaded.set(newer)
    }
    meta.observe(onMeta)
    return () => {
      meta.unobserve(onMeta)
      unbind()
    }
    // readOnly only matters for the first load; a later change must not reload the drawing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, loaded, doc, canLoad])

  const writable = !readOnly && outcome !== null && outcome.kind !== 'too-new' && outcome.kind !== 'failed'
  useEffect(() => {
    mode.set(writable ? 'readwrite' : 'readonly')
    online.set(connected ? 'online' : 'offline')
    // The first write of a new drawing also records which schema it is written with.
    if (writable && connected) ensureSchemaStamp(store, doc, { panelEditor: store.id })
  }, [mode, online, writable, connected, store, doc])

  // A stable object while nothing changes, so tldraw does not treat each render as a new store.
  return useMemo((): PanelStore => {
    if (!outcome) return { status: 'loading' }
    if (outcome.kind === 'too-new' || outcome.kind === 'failed') return { status: 'error', error: new Error(outcome.message) }
    return { status: 'synced-remote', connectionStatus: connected ? 'online' : 'offline', store }
  }, [outcome, connected, store])
}
