'use client'
// Writes a note on the frame on screen or on the marked in–out range: @mentions for members, team-only or client
// visibility, an optional drawing. Cmd/Ctrl+Enter sends; what was typed stays if sending fails.
import { Eye, EyeOff, PenLine, Send } from 'lucide-react'
import { useState, type Ref } from 'react'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import type { MentionCandidate } from '@/lib/review/mentions'
import { commentBodyLimit } from '@/lib/schemas/review'
import { MentionTextarea } from './mention-textarea'

export interface CommentComposerProps {
  /** "01:00:02:00" or a range label: where the note will land. */
  targetLabel: string
  isRange: boolean
  /** Null hides the visibility switch (guests: always client-visible). */
  visibility: 'team' | 'client' | null
  onVisibilityChange?: (visibility: 'team' | 'client') => void
  drawing: boolean
  onDrawingChange: (drawing: boolean) => void
  shapeCount: number
  candidates?: readonly MentionCandidate[]
  selfUserId?: string
  /** Resolves true when sent (the box clears), false when it failed (the text stays). */
  onSubmit: (body: string) => Promise<boolean>
  textareaRef?: Ref<HTMLTextAreaElement>
  disabled?: boolean
}

export function CommentComposer({
  targetLabel,
  isRange,
  visibility,
  onVisibilityChange,
  drawing,
  onDrawingChange,
  shapeCount,
  candidates,
  selfUserId,
  onSubmit,
  textareaRef,
  disabled,
}: CommentComposerProps) {
  const [body, setBody] = useState('')
  const [sending, setSending] = useState(false)
  const tooLong = body.length > commentBodyLimit
  const canSend = body.trim().length > 0 && !tooLong && !sending && !disabled

  async function send() {
    if (!canSend) return
    setSending(true)
    try {
      if (await onSubmit(body.trim())) setBody('')
    } finally {
      setSending(false)
    }
  }

  return (
    <form
      className="flex flex-col gap-2 rounded-xl border border-border bg-surface p-3"
      aria-label="New comment"
      onSubmit={(event) => {
        event.preventDefault()
        void send()
      }}
    >
      <div className="flex items-center justify-between gap-2 text-xs text-muted-foreground">
        <span>
          {isRange ? 'On range ' : 'At '}
          <span className="font-mono text-foreground" data-testid="composer-target">
            {targetLabel}
          </span>
        </span>
        <span className="hidden sm:inline">C to write · ⌘/Ctrl+Enter to send</span>
      </div>
      <MentionTextarea
        ref={textareaRef}
        value={body}
        onValueChange={setBody}
        candidates={candidates}
        selfUserId={selfUserId}
        rows={3}
        placeholder={candidates && candidates.length > 0 ? 'Leave a note… (@ to mention someone)' : 'Leave a note…'}
        aria-label="Comment"
        aria-invalid={tooLong || undefined}
        disabled={disabled}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
            event.preventDefault()
            void send()
          }
          if (event.key === 'Escape') event.currentTarget.blur()
        }}
      />
      {tooLong ? <p className="text-xs text-destructive">A comment can be at most {commentBodyLimit} characters ({body.length} now).</p> : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="button"
          variant={drawing ? 'primary' : 'ghost'}
          size="sm"
          aria-pressed={drawing}
          onClick={() => onDrawingChange(!drawing)}
          disabled={disabled}
          title="Draw on this frame"
        >
          <PenLine aria-hidden />
          {drawing ? `Drawing${shapeCount ? ` (${shapeCount})` : ''}` : 'Draw'}
        </Button>
        {visibility !== null ? (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => onVisibilityChange?.(visibility === 'team' ? 'client' : 'team')}
            aria-label={visibility === 'team' ? 'Visible to the team only. Make it visible to clients' : 'Visible to clients. Make it team-only'}
            data-visibility={visibility}
            className={cn(visibility === 'client' && 'text-warning')}
          >
            {visibility === 'team' ? <EyeOff aria-hidden /> : <Eye aria-hidden />}
            {visibility === 'team' ? 'Team only' : 'Client can see'}
          </Button>
        ) : null}
        <Button type="submit" size="sm" className="ml-auto" disabled={!canSend} pending={sending}>
          <Send aria-hidden />
          Comment
        </Button>
      </div>
    </form>
  )
}
