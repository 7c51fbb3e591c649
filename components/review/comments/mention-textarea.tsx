'use client'
// A textarea that offers workspace members after "@" (↑/↓ to choose, Enter or Tab to insert, Esc to dismiss).
// Without candidates (guests) it is a plain textarea.
import { useId, useState, type KeyboardEvent, type Ref } from 'react'
import { Avatar } from '@/components/ui/avatar'
import { cn } from '@/components/ui/cn'
import type { MentionCandidate } from '@/lib/review/mentions'
import { handleFor, insertMention, matchCandidates, mentionAtCaret } from './mention-query'

export interface MentionTextareaProps extends Omit<React.ComponentProps<'textarea'>, 'value' | 'onChange' | 'ref'> {
  value: string
  onValueChange: (value: string) => void
  candidates?: readonly MentionCandidate[]
  /** The writer, never suggested. */
  selfUserId?: string
  ref?: Ref<HTMLTextAreaElement>
}

export function MentionTextarea({ value, onValueChange, candidates = [], selfUserId, className, onKeyDown, ref, ...props }: MentionTextareaProps) {
  const listId = useId()
  const [caret, setCaret] = useState(0)
  const [highlight, setHighlight] = useState(0)
  const [dismissedAt, setDismissedAt] = useState<number | null>(null)
  const at = candidates.length > 0 ? mentionAtCaret(value, caret) : null
  const matches = at && dismissedAt !== at.start ? matchCandidates(candidates, at.query, selfUserId) : []
  const open = matches.length > 0
  const active = Math.min(highlight, matches.length - 1)

  function choose(candidate: MentionCandidate, textarea: HTMLTextAreaElement) {
    if (!at) return
    const next = insertMention(value, { start: at.start, caret }, handleFor(candidate, candidates))
    onValueChange(next.text)
    setCaret(next.caret)
    requestAnimationFrame(() => textarea.setSelectionRange(next.caret, next.caret))
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (open && !event.nativeEvent.isComposing) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault()
        const step = event.key === 'ArrowDown' ? 1 : -1
        setHighlight((active + step + matches.length) % matches.length)
        return
      }
      if ((event.key === 'Enter' && !event.metaKey && !event.ctrlKey) || event.key === 'Tab') {
        event.preventDefault()
        const candidate = matches[active]
        if (candidate) choose(candidate, event.currentTarget)
        return
      }
      if (event.key === 'Escape') {
        event.preventDefault()
        event.stopPropagation()
        setDismissedAt(at?.start ?? null)
        return
      }
    }
    onKeyDown?.(event)
  }

  return (
    <div className="relative">
      <textarea
        ref={ref}
        value={value}
        onChange={(event) => {
          onValueChange(event.target.value)
          setCaret(event.target.selectionStart)
          setHighlight(0)
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={handleKeyDown}
        role={candidates.length > 0 ? 'combobox' : undefined}
        aria-expanded={candidates.length > 0 ? open : undefined}
        aria-controls={open ? listId : undefined}
        aria-autocomplete={candidates.length > 0 ? 'list' : undefined}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        className={cn(
          'block w-full resize-none rounded-md border border-border bg-background px-3 py-2 text-sm placeholder:text-subtle-foreground focus-visible:border-primary focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-primary/30',
          className,
        )}
        {...props}
      />
      {open ? (
        <ul id={listId} role="listbox" aria-label="Mention someone" className="absolute bottom-full left-0 z-30 mb-1 w-72 overflow-hidden rounded-lg border border-border bg-popover p-1 shadow-xl shadow-black/40">
          {matches.map((candidate, index) => (
            <li
              key={candidate.userId}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => {
                // Keep focus in the textarea.
                event.preventDefault()
                const textarea = (event.currentTarget.closest('.relative')?.querySelector('textarea') ?? null) as HTMLTextAreaElement | null
                if (textarea) choose(candidate, textarea)
              }}
              onMouseEnter={() => setHighlight(index)}
              className={cn('flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm', index === active && 'bg-accent text-accent-foreground')}
            >
              <Avatar name={candidate.name ?? candidate.email} className="size-6 text-[10px]" />
              <span className="min-w-0 flex-1 truncate">{candidate.name ?? candidate.email}</span>
              <span className="truncate text-xs text-muted-foreground">{candidate.email}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
