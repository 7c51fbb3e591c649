'use client'
// The review room: the player with comment markers and drawings, the version switcher and status, the comment panel
// and composer, and who else is watching. Shared by the member page and the guest page; everything it reads or
// writes arrives through props (see review-room-api.ts), and the item's change feed keeps it current.
import { Download, Loader2, TriangleAlert } from 'lucide-react'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { toast } from 'sonner'
import { AnnotationToolbar } from '@/components/review/annotation/annotation-toolbar'
import { defaultAnnotationColor } from '@/components/review/annotation/annotation-colors'
import { CommentComposer } from '@/components/review/comments/comment-composer'
import { CommentPanel, type CommentFilter } from '@/components/review/comments/comment-panel'
import { CommentThread } from '@/components/review/comments/comment-thread'
import { ReviewPlayer, type FrameRange, type PlayerAnnotation, type PlayerMarker, type ReviewPlayerHandle } from '@/components/review/player/review-player'
import { VersionStatusControl } from '@/components/review/versions/version-status-control'
import { VersionSwitcher } from '@/components/review/versions/version-switcher'
import { ConnectionBadge } from '@/components/collab/connection-badge'
import { PresenceAvatars } from '@/components/collab/presence-avatars'
import { Button } from '@/components/ui/button'
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from '@/components/ui/dropdown-menu'
import type { ActionResult } from '@/lib/action-result'
import { markerExportFormats } from '@/lib/markers'
import type { AnnotationShape } from '@/lib/review/annotation'
import type { AnnotationTool } from '@/lib/review/annotation-drawing'
import type { MentionCandidate } from '@/lib/review/mentions'
import { panelAtFrame } from '@/lib/review/panel-map'
import { permissionsFor, type ReviewRoomComment, type ReviewRoomProps, type ReviewStatusId } from './review-room-api'
import { rangeLabel, versionClock } from './room-clock'
import { useRoomData } from './use-room-data'

export function ReviewRoom(props: ReviewRoomProps) {
  const { reviewItemId, viewer, timing, actions, onVersionChange, renderVersionTools, renderProcessing } = props
  const permissions = props.permissions ?? permissionsFor(viewer, actions)
  const selfUserId = viewer.kind === 'member' ? viewer.userId : null
  const [versionNumber, setVersionNumber] = useState<number | null>(props.initialVersionNumber ?? null)
  const data = useRoomData({ reviewItemId, actions, initialVersions: props.initialVersions, versionNumber, userId: selfUserId ?? undefined })
  const version = data.version

  const clock = useMemo(() => (version ? versionClock(version, timing) : null), [version, timing])
  const player = useRef<ReviewPlayerHandle>(null)
  const composer = useRef<HTMLTextAreaElement>(null)
  const [frame, setFrame] = useState(0)
  const [range, setRange] = useState<FrameRange | null>(null)
  // A note opened from elsewhere may be resolved already: show everything so it is there.
  const [filter, setFilter] = useState<CommentFilter>(props.focusCommentId ? 'all' : 'open')
  const [visibility, setVisibility] = useState<'team' | 'client'>('team')
  const [drawingOn, setDrawingOn] = useState(false)
  const [tool, setTool] = useState<AnnotationTool>('arrow')
  const [color, setColor] = useState<string>(defaultAnnotationColor)
  const [shapes, setShapes] = useState<AnnotationShape[]>([])
  const [candidates, setCandidates] = useState<MentionCandidate[]>([])

  // The composer's @ list, once per room; guests never ask.
  const listCandidates = actions.listMentionCandidates
  useEffect(() => {
    if (!listCandidates || !permissions.canComment) return
    let cancelled = false
    void listCandidates().then((result) => {
      if (!cancelled && result.ok) setCandidates(result.data)
    })
    return () => {
      cancelled = true
    }
  }, [listCandidates, permissions.canComment])

  // C (or Enter with nothing focused) starts a note at the frame on screen, as in other review tools.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return
      const target = event.target as HTMLElement | null
      const typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
      if (typing) return
      const onBody = !target || target === document.body || target.getAttribute('role') === 'region'
      if (event.code === 'KeyC' || (event.key === 'Enter' && onBody)) {
        if (!composer.current) return
        event.preventDefault()
        player.current?.pause()
        composer.current.focus()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  const threads = useMemo(() => groupThreads(data.comments), [data.comments])

  // Once its version's notes are in, go to the focused note: the player to its frame, the list to its thread.
  const focused = useRef(false)
  const { focusCommentId } = props
  useEffect(() => {
    if (focused.current || !focusCommentId) return
    const comment = data.comments.find((candidate) => candidate.id === focusCommentId)
    if (!comment || !player.current) return
    focused.current = true
    player.current.pause()
    player.current.seekToFrame(comment.frameIn)
    document.querySelector(`[data-comment-id="${CSS.escape(comment.parentId ?? comment.id)}"]`)?.scrollIntoView({ block: 'center' })
  }, [data.comments, focusCommentId])
  const counts = useMemo(
    () => ({
      open: threads.filter((thread) => thread.comment.resolvedAt === null).length,
      resolved: threads.filter((thread) => thread.comment.resolvedAt !== null).length,
      all: threads.length,
    }),
    [threads],
  )
  const shownThreads = threads.filter((thread) => filter === 'all' || (filter === 'open') === (thread.comment.resolvedAt === null))
  const markers = useMemo<PlayerMarker[]>(
    () =>
      threads.map(({ comment }) => ({
        id: comment.id,
        frameIn: comment.frameIn,
        frameOut: comment.frameOut,
        label: `${comment.authorName}: ${comment.body.slice(0, 80)}`,
        resolved: comment.resolvedAt !== null,
        // The timeline's default pin is amber, too close to the guests' orange to tell apart: members' pins take the accent.
        color: comment.authorKind === 'guest' ? '#ff9f0a' : 'var(--color-primary)',
      })),
    [threads],
  )
  const annotations = useMemo<PlayerAnnotation[]>(
    () =>
      data.comments
        .filter((comment) => comment.annotation && comment.parentId === null)
        .map((comment) => ({ id: comment.id, frameIn: comment.frameIn, frameOut: comment.frameOut, shapes: comment.annotation! })),
    [data.comments],
  )

  const report = useCallback(<T,>(result: ActionResult<T>): result is { ok: true; data: T } => {
    if (!result.ok) toast.error(result.error.message)
    return result.ok
  }, [])

  /** Runs a write, reports a failure, and refetches at once rather than waiting for our own nudge. */
  const write = useCallback(
    async <T,>(run: () => Promise<ActionResult<T>>, refetch: 'comments' | 'versions' = 'comments'): Promise<boolean> => {
      const result = await run()
      if (!report(result)) return false
      void (refetch === 'comments' ? data.refetchComments() : data.refetchVersions())
      return true
    },
    [report, data],
  )

  function selectVersion(number: number) {
    setVersionNumber(number)
    setRange(null)
    setShapes([])
    setDrawingOn(false)
    onVersionChange?.(number)
  }

  function seekTo(comment: ReviewRoomComment) {
    player.current?.pause()
    player.current?.seekToFrame(comment.frameIn)
  }

  if (!version || !clock) {
    return <p className="rounded-xl border border-dashed border-border p-10 text-center text-sm text-muted-foreground">This review has no versions yet.</p>
  }

  const target = range ? { frameIn: range.in, frameOut: range.out } : { frameIn: frame, frameOut: null }
  const ready = version.processing === 'ready' && version.proxyUrl !== null

  async function submitComment(body: string): Promise<boolean> {
    if (!version) return false
    const annotation = shapes.length > 0 ? shapes : undefined
    const ok = await write(() =>
      actions.createComment({
        versionId: version.id,
        frameIn: target.frameIn,
        frameOut: target.frameOut ?? undefined,
        body,
        annotation,
        visibility: permissions.canChooseVisibility ? visibility : undefined,
      }),
    )
    if (ok) {
      setShapes([])
      setDrawingOn(false)
      if (filter === 'resolved') setFilter('open')
    }
    return ok
  }

  async function changeStatus(status: ReviewStatusId) {
    if (!actions.setVersionStatus || !version) return
    const ok = await write(() => actions.setVersionStatus!({ versionId: version.id, status }), 'versions')
    if (ok) toast.success(`v${version.number} is now ${status === 'in_review' ? 'in review' : status === 'approved' ? 'approved' : 'marked changes requested'}.`)
  }

  const people = data.live.people

  return (
    <div className="flex flex-col gap-4" data-testid="review-room" data-version={version.number}>
      <header className="flex flex-wrap items-center gap-3">
        <h2 className="mr-1 truncate text-lg font-semibold tracking-tight" title={props.title}>
          {props.title}
        </h2>
        <VersionSwitcher versions={data.versions} current={version.number} onSelect={selectVersion} />
        <VersionStatusControl
          status={version.status}
          changedBy={version.statusChangedBy}
          changedAt={version.statusChangedAt}
          choices={permissions.settableStatuses}
          onChange={changeStatus}
        />
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <PresenceAvatars people={people} />
          {/* The feed is written only by the server, so every viewer's connection is read-only: that is its normal state. */}
          {data.live.status !== 'connected' && data.live.status !== 'read-only' ? <ConnectionBadge status={data.live.status} reason={data.live.reason} onRetry={data.live.retry} /> : null}
          {permissions.canExportMarkers && actions.exportMarkersUrl ? (
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button variant="secondary" size="sm">
                  <Download aria-hidden /> Markers
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end">
                <DropdownMenuLabel>Download v{version.number}&apos;s comments as</DropdownMenuLabel>
                {markerExportFormats.map((format) => (
                  <DropdownMenuItem key={format.id} asChild>
                    <a href={actions.exportMarkersUrl!(version, format.id)} download data-format={format.id}>
                      {format.label}
                    </a>
                  </DropdownMenuItem>
                ))}
              </DropdownMenuContent>
            </DropdownMenu>
          ) : null}
          {version.downloadUrl ? (
            <Button asChild variant="ghost" size="sm">
              <a href={version.downloadUrl} download>
                <Download aria-hidden /> Original
              </a>
            </Button>
          ) : null}
          {renderVersionTools?.(version)}
        </div>
      </header>

      <div className="grid min-h-0 gap-4 lg:grid-cols-[minmax(0,1fr)_380px]">
        <div className="flex min-w-0 flex-col gap-3">
          {ready ? (
            <ReviewPlayer
              key={version.id}
              ref={player}
              src={version.proxyUrl!}
              poster={version.posterUrl}
              rate={clock.rate}
              startTimecode={clock.startTimecode}
              frameCount={version.frameCount}
              width={version.width}
              height={version.height}
              filmstrip={version.filmstrip}
              markers={markers}
              annotations={annotations}
              drawing={drawingOn ? { tool, color, shapes, onShapesChange: setShapes, onError: (message) => toast.error(message) } : null}
              onFrameChange={setFrame}
              onRangeChange={setRange}
              onMarkerClick={(id) => {
                const thread = threads.find((candidate) => candidate.comment.id === id)
                if (thread && thread.comment.resolvedAt !== null && filter === 'open') setFilter('all')
                document.querySelector(`[data-comment-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
              }}
              label={`${props.title}, version ${version.number}`}
            />
          ) : (
            (renderProcessing?.(version, () => void data.refetchVersions()) ?? <ProcessingPlaceholder processing={version.processing} error={version.processingError} />)
          )}
          {permissions.canComment && ready ? (
            <div className="flex flex-col gap-2">
              {drawingOn ? (
                <AnnotationToolbar
                  tool={tool}
                  color={color}
                  onToolChange={setTool}
                  onColorChange={setColor}
                  shapeCount={shapes.length}
                  onUndo={() => setShapes((current) => current.slice(0, -1))}
                  onClear={() => setShapes([])}
                  className="self-start"
                />
              ) : null}
              <CommentComposer
                targetLabel={rangeLabel(target, clock)}
                isRange={range !== null}
                visibility={permissions.canChooseVisibility ? visibility : null}
                onVisibilityChange={setVisibility}
                drawing={drawingOn}
                onDrawingChange={(on) => {
                  setDrawingOn(on)
                  if (on) player.current?.pause()
                }}
                shapeCount={shapes.length}
                candidates={candidates}
                selfUserId={selfUserId ?? undefined}
                onSubmit={submitComment}
                textareaRef={composer}
              />
            </div>
          ) : viewer.kind === 'guest' && !viewer.canComment ? (
            <p className="text-sm text-muted-foreground">This link lets you watch. Ask the sender for a link with comment rights to leave notes.</p>
          ) : null}
        </div>

        <CommentPanel
          filter={filter}
          onFilterChange={setFilter}
          counts={counts}
          loading={data.loading}
          empty={shownThreads.length === 0}
          emptyHint={
            !permissions.canComment
              ? 'Notes from the team show up here as they are written.'
              : ready
                ? 'Pause on a frame (or mark In and Out with I and O) and press C to leave the first note.'
                : // The composer only appears with the player, so "press C" would do nothing yet.
                  'Notes can be left on frames as soon as this version is ready to play.'
          }
          className="lg:max-h-[calc(100vh-12rem)]"
        >
          {shownThreads.map(({ comment, replies }) => (
            <CommentThread
              key={comment.id}
              comment={comment}
              replies={replies}
              timecode={rangeLabel(comment, clock)}
              panelLabel={panelAtFrame(version.panelMap, comment.frameIn)?.label}
              active={frame >= comment.frameIn && frame < (comment.frameOut ?? comment.frameIn + 1)}
              selfUserId={selfUserId}
              canDeleteOthers={viewer.kind === 'member' && viewer.role === 'owner'}
              canReply={permissions.canComment}
              canResolve={permissions.canResolve}
              canEdit={Boolean(actions.edit)}
              candidates={candidates}
              onSeek={() => seekTo(comment)}
              onReply={(body) => write(() => actions.reply({ commentId: comment.id, body }))}
              onEdit={actions.edit ? (commentId, body) => write(() => actions.edit!({ commentId, body })) : undefined}
              onDelete={actions.delete ? (commentId) => write(() => actions.delete!({ commentId })) : undefined}
              onResolve={
                actions.resolve && actions.reopen
                  ? (resolved) => write(() => (resolved ? actions.resolve!({ commentId: comment.id }) : actions.reopen!({ commentId: comment.id })))
                  : undefined
              }
            />
          ))}
        </CommentPanel>
      </div>
    </div>
  )
}

/** Top-level notes in frame order, each with its replies oldest first. */
function groupThreads(comments: readonly ReviewRoomComment[]): { comment: ReviewRoomComment; replies: ReviewRoomComment[] }[] {
  const replies = new Map<string, ReviewRoomComment[]>()
  for (const comment of comments) {
    if (comment.parentId) replies.set(comment.parentId, [...(replies.get(comment.parentId) ?? []), comment])
  }
  return comments
    .filter((comment) => comment.parentId === null)
    .map((comment) => ({ comment, replies: (replies.get(comment.id) ?? []).sort((a, b) => +new Date(a.createdAt) - +new Date(b.createdAt)) }))
}

function ProcessingPlaceholder({ processing, error }: { processing: string; error: string | null }) {
  return (
    <div className="flex aspect-video w-full flex-col items-center justify-center gap-2 rounded-lg border border-border bg-black/60 p-6 text-center">
      {processing === 'failed' ? (
        <>
          <TriangleAlert aria-hidden className="size-6 text-destructive" />
          <p className="text-sm font-medium">This version could not be processed.</p>
          {error ? <p className="max-w-md text-xs text-muted-foreground">{error}</p> : null}
        </>
      ) : (
        <>
          <Loader2 aria-hidden className="size-6 animate-spin text-muted-foreground" />
          <p className="text-sm font-medium">Preparing this version for playback…</p>
          <p className="text-xs text-muted-foreground">It appears here by itself when it is ready.</p>
        </>
      )}
    </div>
  )
}
