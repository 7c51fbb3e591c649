'use client'
// One note and its replies: timecode (click to go there), author (guests marked), team-only flag, resolved state,
// and what this viewer may do — reply, edit or delete their own, resolve or reopen.
import { Check, EyeOff, MoreHorizontal, PenLine, RotateCcw, Trash2 } from 'lucide-react'
import { useState } from 'react'
import { Avatar } from '@/components/ui/avatar'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from '@/components/ui/dropdown-menu'
import { whenLabel } from '@/components/review/versions/when-label'
import type { MentionCandidate } from '@/lib/review/mentions'
import type { ReviewCommentView } from '@/lib/review/review-views'
import { CommentBody } from './comment-body'
import { MentionTextarea } from './mention-textarea'

export type ThreadComment = ReviewCommentView

export interface CommentThreadProps {
  comment: ThreadComment
  replies: readonly ThreadComment[]
  timecode: string
  /** On a rendered animatic: the board panel under the note's first frame, "Scene 2 · Shot 4A · panel 2". */
  panelLabel?: string | null
  /** The playhead is on this note's frames. */
  active: boolean
  selfUserId: string | null
  /** Owners may delete anyone's note (moderation). */
  canDeleteOthers: boolean
  canReply: boolean
  canResolve: boolean
  canEdit: boolean
  candidates?: readonly MentionCandidate[]
  onSeek: () => void
  /** Each resolves true when saved. */
  onReply: (body: string) => Promise<boolean>
  onEdit?: (commentId: string, body: string) => Promise<boolean>
  onDelete?: (commentId: string) => Promise<boolean>
  onResolve?: (resolved: boolean) => Promise<boolean>
}

export function CommentThread(props: CommentThreadProps) {
  const { comment, replies, timecode, active, canReply, canResolve, onSeek, onResolve } = props
  const [replying, setReplying] = useState(false)
  const [reply, setReply] = useState('')
  const [sending, setSending] = useState(false)
  const resolved = comment.resolvedAt !== null

  async function sendReply() {
    if (!reply.trim() || sending) return
    setSending(true)
    try {
      if (await props.onReply(reply.trim())) {
        setReply('')
        setReplying(false)
      }
    } finally {
      setSending(false)
    }
  }

  return (
    <article
      aria-label={`Comment by ${comment.authorName} at ${timecode}`}
      data-comment-id={comment.id}
      data-resolved={resolved}
      className={cn(
        'group rounded-xl border bg-surface p-3 transition-colors',
        active ? 'border-primary/60 ring-1 ring-primary/30' : 'border-border',
        resolved && 'opacity-70',
      )}
    >
      <CommentItem {...props} item={comment} timecode={timecode} onSeek={onSeek} />
      {replies.length > 0 ? (
        <div className="mt-2 flex flex-col gap-2 border-l border-border pl-3">
          {replies.map((item) => (
            <CommentItem key={item.id} {...props} item={item} timecode={undefined} />
          ))}
        </div>
      ) : null}
      <div className="mt-2 flex flex-wrap items-center gap-1">
        {canReply && !replying ? (
          <Button variant="ghost" size="sm" onClick={() => setReplying(true)}>
            Reply
          </Button>
        ) : null}
        {canResolve && onResolve ? (
          <Button variant="ghost" size="sm" onClick={() => void onResolve(!resolved)} aria-label={resolved ? 'Reopen' : 'Resolve'}>
            {resolved ? <RotateCcw aria-hidden /> : <Check aria-hidden />}
            {resolved ? 'Reopen' : 'Resolve'}
          </Button>
        ) : null}
        {resolved ? (
          <Badge variant="success" className="ml-auto">
            <Check aria-hidden /> Resolved
          </Badge>
        ) : null}
      </div>
      {replying ? (
        <form
          className="mt-2 flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault()
            void sendReply()
          }}
        >
          <MentionTextarea
            value={reply}
            onValueChange={setReply}
            candidates={props.candidates}
            selfUserId={props.selfUserId ?? undefined}
            rows={2}
            autoFocus
            aria-label="Reply"
            placeholder="Reply…"
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
                event.preventDefault()
                void sendReply()
              }
              if (event.key === 'Escape') setReplying(false)
            }}
          />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" size="sm" onClick={() => setReplying(false)}>
              Cancel
            </Button>
            <Button type="submit" size="sm" pending={sending} disabled={!reply.trim()}>
              Reply
            </Button>
          </div>
        </form>
      ) : null}
    </article>
  )
}

function CommentItem({
  item,
  timecode,
  panelLabel,
  onSeek,
  selfUserId,
  canEdit,
  canDeleteOthers,
  candidates,
  onEdit,
  onDelete,
}: Omit<CommentThreadProps, 'timecode'> & { item: ThreadComment; timecode?: string }) {
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(item.body)
  const [saving, setSaving] = useState(false)
  const [confirmingDelete, setConfirmingDelete] = useState(false)
  const own = selfUserId !== null && item.authorUserId === selfUserId
  const mayEdit = own && canEdit && onEdit
  const mayDelete = (own || canDeleteOthers) && onDelete

  async function save() {
    if (!onEdit || !draft.trim()) return
    setSaving(true)
    try {
      if (await onEdit(item.id, draft.trim())) setEditing(false)
    } finally {
      setSaving(false)
    }
  }

  return (
    <div className="flex gap-2.5">
      <Avatar name={item.authorName} className="size-7 text-[10px]" />
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex items-start gap-2 text-xs">
          <div className="flex min-w-0 flex-1 flex-wrap items-center gap-x-2 gap-y-0.5">
            <span className="max-w-full truncate font-medium text-foreground">{item.authorName}</span>
            {item.authorKind === 'guest' ? <Badge variant="outline">guest</Badge> : null}
            {item.parentId === null && item.visibility === 'team' ? (
              <Badge variant="neutral" title="Only the team sees this note; guests on share links do not">
                <EyeOff aria-hidden /> team
              </Badge>
            ) : null}
            <span className="text-muted-foreground">{whenLabel(item.createdAt)}</span>
            {item.editedAt ? <span className="text-muted-foreground">(edited)</span> : null}
          </div>
          <div className="flex shrink-0 items-center gap-1">
            {timecode ? (
              <button
                type="button"
                onClick={onSeek}
                className="rounded bg-muted px-1.5 py-0.5 font-mono text-[11px] text-foreground hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-primary/40"
                aria-label={`Go to ${timecode}`}
                data-testid="comment-timecode"
              >
                {timecode}
              </button>
            ) : null}
            {item.annotation ? <PenLine aria-label="Has a drawing" className="size-3.5 text-muted-foreground" /> : null}
            {mayEdit || mayDelete ? (
              <DropdownMenu>
                <DropdownMenuTrigger asChild>
                  <Button variant="ghost" size="icon" className="size-6" aria-label="More actions">
                    <MoreHorizontal aria-hidden />
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="end" className="min-w-40">
                  {mayEdit ? (
                    <DropdownMenuItem
                      onSelect={() => {
                        setDraft(item.body)
                        setEditing(true)
                      }}
                    >
                      <PenLine aria-hidden /> Edit
                    </DropdownMenuItem>
                  ) : null}
                  {mayDelete ? (
                    <DropdownMenuItem onSelect={() => setConfirmingDelete(true)} className="text-destructive">
                      <Trash2 aria-hidden /> Delete
                    </DropdownMenuItem>
                  ) : null}
                </DropdownMenuContent>
              </DropdownMenu>
            ) : null}
          </div>
        </div>
        {timecode && panelLabel ? (
          <span className="w-fit rounded bg-muted px-1.5 py-0.5 text-[11px] font-medium text-muted-foreground" data-testid="comment-panel-label">
            {panelLabel}
          </span>
        ) : null}
        {editing ? (
          <form
            className="flex flex-col gap-2"
            onSubmit={(event) => {
              event.preventDefault()
              void save()
            }}
          >
            <MentionTextarea
              value={draft}
              onValueChange={setDraft}
              candidates={candidates}
              selfUserId={selfUserId ?? undefined}
              rows={3}
              autoFocus
              aria-label="Edit comment"
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
                  event.preventDefault()
                  void save()
                }
                if (event.key === 'Escape') setEditing(false)
              }}
            />
            <div className="flex justify-end gap-2">
              <Button type="button" variant="ghost" size="sm" onClick={() => setEditing(false)}>
                Cancel
              </Button>
              <Button type="submit" size="sm" pending={saving} disabled={!draft.trim()}>
                Save
              </Button>
            </div>
          </form>
        ) : (
          <CommentBody body={item.body} />
        )}
        {confirmingDelete && onDelete ? (
          <div role="alertdialog" aria-label="Delete this comment?" className="flex flex-wrap items-center gap-2 rounded-md border border-destructive/30 bg-destructive/10 px-2 py-1.5 text-xs">
            <span className="mr-auto">Delete this {item.parentId ? 'reply' : 'comment'}{item.parentId ? '' : ' and its replies'}?</span>
            <Button type="button" variant="ghost" size="sm" onClick={() => setConfirmingDelete(false)} autoFocus>
              Keep
            </Button>
            <Button
              type="button"
              variant="destructive"
              size="sm"
              pending={saving}
              onClick={async () => {
                setSaving(true)
                try {
                  if (await onDelete(item.id)) setConfirmingDelete(false)
                } finally {
                  setSaving(false)
                }
              }}
            >
              Delete
            </Button>
          </div>
        ) : null}
      </div>
    </div>
  )
}
