'use client'
// Inputs over live data: while someone types, their draft is shown; the document is written once, on Enter or when
// the field loses focus (one undo step per edit, not per keystroke). Escape puts the live value back.
import { useState } from 'react'
import { cn } from '@/components/ui/cn'
import { inputClassName } from '@/components/ui/input'

interface CommitProps {
  value: string
  onCommit: (value: string) => void
}

function useDraft({ value, onCommit }: CommitProps) {
  const [draft, setDraft] = useState<string | null>(null)
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft)
    setDraft(null)
  }
  return {
    value: draft ?? value,
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setDraft(event.target.value),
    onBlur: commit,
    cancel: () => setDraft(null),
    commit,
  }
}

export function CommitInput({ value, onCommit, className, ...props }: CommitProps & Omit<React.ComponentProps<'input'>, 'value' | 'onChange' | 'onBlur'>) {
  const draft = useDraft({ value, onCommit })
  return (
    <input
      {...props}
      className={cn(inputClassName, className)}
      value={draft.value}
      onChange={draft.onChange}
      onBlur={draft.onBlur}
      onKeyDown={(event) => {
        if (event.key === 'Enter') draft.commit()
        if (event.key === 'Escape') draft.cancel()
      }}
    />
  )
}

export function CommitTextarea({ value, onCommit, className, ...props }: CommitProps & Omit<React.ComponentProps<'textarea'>, 'value' | 'onChange' | 'onBlur'>) {
  const draft = useDraft({ value, onCommit })
  return (
    <textarea
      {...props}
      className={cn(inputClassName, 'h-auto min-h-16 resize-y py-2 leading-relaxed', className)}
      value={draft.value}
      onChange={draft.onChange}
      onBlur={draft.onBlur}
      onKeyDown={(event) => {
        if (event.key === 'Escape') draft.cancel()
        // Cmd/Ctrl+Enter saves without leaving the field; plain Enter is a new line.
        if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) draft.commit()
      }}
    />
  )
}
