'use client'
// Live cursors: this person's tldraw presence goes into awareness; everyone else's comes back as instance_presence
// records carrying the identity the server stamped on their connection (lib/tldraw/peer-presence).
import { useEffect } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { atom, createPresenceStateDerivation, react, type TLInstancePresence, type TLStore, type TLUser } from 'tldraw'
import { peerPresenceId, peerPresenceRecord, presenceField, tldrawUserId } from '@/lib/tldraw/peer-presence'

export interface PresenceIdentity {
  id: string
  name: string
  color: string
}

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

export function usePanelPresence(store: TLStore | undefined, awareness: Awareness | null, me: PresenceIdentity | null): void {
  const meId = me?.id
  const meName = me?.name
  const meColor = me?.color
  useEffect(() => {
    if (!store || !awareness || !meId) return
    // Our own name and colour here only feed our own presence; peers replace them with the server's stamp anyway.
    const user = atom<TLUser | null>('panel user', {
      id: tldrawUserId(meId), typeName: 'user', name: meName ?? '', color: meColor ?? '', imageUrl: '', meta: {},
    })
    const presence = createPresenceStateDerivation(user)(store)
    let frame = 0
    const stopPublishing = react('publish panel presence', () => {
      const record = presence.get()
      // One awareness message per frame at most, however often the pointer moves.
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => awareness.setLocalStateField(presenceField, record))
    })

    const applyPeers = ({ added, updated, removed }: AwarenessChange) => {
      const states = awareness.getStates()
      const put: TLInstancePresence[] = []
      const remove: TLInstancePresence['id'][] = []
      for (const clientId of [...added, ...updated]) {
        if (clientId === awareness.clientID) continue
        const record = peerPresenceRecord(clientId, states.get(clientId))
        if (record) put.push(record)
        else if (store.has(peerPresenceId(clientId))) remove.push(peerPresenceId(clientId))
      }
      for (const clientId of removed) if (store.has(peerPresenceId(clientId))) remove.push(peerPresenceId(clientId))
      if (put.length === 0 && remove.length === 0) return
      store.mergeRemoteChanges(() => {
        if (remove.length) store.remove(remove)
        if (put.length) store.put(put)
      })
    }
    applyPeers({ added: [...awareness.getStates().keys()], updated: [], removed: [] })
    awareness.on('change', applyPeers)
    return () => {
      stopPublishing()
      cancelAnimationFrame(frame)
      awareness.off('change', applyPeers)
      awareness.setLocalStateField(presenceField, null)
      const stale = store.query.records('instance_presence').get().map((r) => r.id)
      if (stale.length) store.mergeRemoteChanges(() => store.remove(stale))
    }
  }, [store, awareness, meId, meName, meColor])
}
