'use client'
// Follows a review item's change feed (`review:<reviewItemId>`, written only by the server) and calls `onChange`
// with the key that changed (a version id, or 'item' for the item itself) so the page refetches what it shows.
// The same connection carries presence: who else is watching this review right now.
import { useEffect, useRef } from 'react'
import type * as Y from 'yjs'
import { reviewChangesKey, reviewDocName } from '@/lib/collab/doc-name'
import { useCollabDoc, type CollabDoc } from '@/components/collab/use-collab-doc'

export function useReviewChanges(
  reviewItemId: string,
  onChange: (changedKey: string) => void,
  options: { userId?: string } = {},
): CollabDoc {
  const live = useCollabDoc(reviewDocName(reviewItemId), { userId: options.userId, offlineStorage: false })
  // The latest callback without re-subscribing on every render.
  const onChangeRef = useRef(onChange)
  useEffect(() => {
    onChangeRef.current = onChange
  })
  useEffect(() => {
    const changes = live.doc.getMap<number>(reviewChangesKey)
    const observer = (event: Y.YMapEvent<number>) => {
      for (const key of event.keysChanged) onChangeRef.current(key)
    }
    changes.observe(observer)
    return () => changes.unobserve(observer)
  }, [live.doc])
  return live
}
