'use client'
// The room's data: the item's versions and the comments of the version on screen, fetched through the page's
// actions and refetched whenever the item's change feed nudges (someone commented, resolved, changed a status,
// added a version). Nudges that arrive together become one refetch.
import { useCallback, useEffect, useRef, useState } from 'react'
import { toast } from 'sonner'
import { useReviewChanges } from '@/components/review/realtime/use-review-changes'
import type { ReviewRoomActions, ReviewRoomComment, ReviewRoomVersion } from './review-room-api'

/** Long enough to fold a burst of nudges (and the initial sync) into one request, short enough to feel instant. */
const COALESCE_MS = 40

export function useRoomData(params: {
  reviewItemId: string
  actions: ReviewRoomActions
  initialVersions: ReviewRoomVersion[]
  /** The version asked for (e.g. ?v=n); null or unknown shows the latest. */
  versionNumber: number | null
  userId?: string
}) {
  const { reviewItemId, actions, versionNumber, userId } = params
  const [versions, setVersions] = useState(params.initialVersions)
  const version = pickVersion(versions, versionNumber)
  const versionId = version?.id ?? null
  const [comments, setComments] = useState<{ versionId: string | null; list: ReviewRoomComment[] }>({ versionId: null, list: [] })
  const latest = useRef({ actions, versionId })
  useEffect(() => {
    latest.current = { actions, versionId }
  })
  // Only the newest answer counts, so a slow old response cannot overwrite a fresh one.
  const commentRequest = useRef(0)
  const versionRequest = useRef(0)

  const refetchComments = useCallback(async () => {
    const { actions: current, versionId: id } = latest.current
    if (!id) return
    const ticket = ++commentRequest.current
    const result = await current.listComments(id)
    if (ticket !== commentRequest.current) return
    if (result.ok) setComments({ versionId: id, list: result.data })
    else toast.error(result.error.message)
  }, [])

  const refetchVersions = useCallback(async () => {
    const ticket = ++versionRequest.current
    const result = await latest.current.actions.listVersions()
    if (ticket !== versionRequest.current) return
    if (result.ok) setVersions(result.data)
    else toast.error(result.error.message)
  }, [])

  useEffect(() => {
    void refetchComments()
  }, [versionId, refetchComments])

  const pending = useRef<{ versions: boolean; comments: boolean; timer: ReturnType<typeof setTimeout> | null }>({ versions: false, comments: false, timer: null })
  const onChange = useCallback(
    (changedKey: string) => {
      const queue = pending.current
      // Any version's key may carry a status or processing change the switcher shows; the item key a new version.
      queue.versions = true
      if (changedKey === latest.current.versionId) queue.comments = true
      if (queue.timer) return
      queue.timer = setTimeout(() => {
        const { versions: doVersions, comments: doComments } = queue
        queue.versions = false
        queue.comments = false
        queue.timer = null
        if (doVersions) void refetchVersions()
        if (doComments) void refetchComments()
      }, COALESCE_MS)
    },
    [refetchComments, refetchVersions],
  )
  useEffect(() => () => {
    if (pending.current.timer) clearTimeout(pending.current.timer)
  }, [])

  const live = useReviewChanges(reviewItemId, onChange, { userId })
  const shown = comments.versionId === versionId ? comments.list : []
  return { versions, version, comments: shown, loading: comments.versionId !== versionId, refetchComments, refetchVersions, live }
}

export function pickVersion<V extends { number: number }>(versions: readonly V[], number: number | null): V | null {
  if (versions.length === 0) return null
  return (number !== null ? versions.find((version) => version.number === number) : undefined) ?? versions[versions.length - 1]!
}
