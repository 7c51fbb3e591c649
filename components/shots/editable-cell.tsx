'use client'
// A shot-list cell that turns into an editor: Enter or a click starts, Enter saves, Escape cancels, Tab saves and moves
// to the next cell (Shift+Tab to the previous one). Selects save as soon as a choice is made.
import { useRef, useState } from 'react'
import { cn } from '@/components/ui/cn'
import { inputClassName } from '@/components/ui/input'

export interface CellEditor {
  kind: 'text' | 'number' | 'select'
  /** For selects: value → label, in order. The empty value means "not set". */
  options?: ReadonlyArray<readonly [string, string]>
}

export interface EditableCellProps {
  /** "Lens of shot 2B": names the cell button and its editor alike. */
  label: string
  display: React.ReactNode
  value: string
  editor: CellEditor
  disabled: boolean
  onCommit: (value: string) => void
}

/** Focuses the editable cell `step` cells away from `from` in reading order, once React has re-rendered. */
function focusNeighbour(from: HTMLElement | null, step: 1 | -1) {
  const cells = [...document.querySelectorAll<HTMLElement>('[data-editable-cell]')]
  const index = from ? cells.indexOf(from) : -1
  requestAnimationFrame(() => cells[index + step]?.querySelector<HTMLElement>('button')?.focus())
}

export function EditableCell({ label, display, value, editor, disabled, onCommit }: EditableCellProps) {
  const [draft, setDraft] = useState<string | null>(null)
  const cellRef = useRef<HTMLDivElement>(null)
  const finish = (save: boolean, next?: 1 | -1, chosen?: string) => {
    const result = chosen ?? draft
    setDraft(null)
    if (save && result !== null && result !== value) onCommit(result)
    if (next) focusNeighbour(cellRef.current, next)
    else requestAnimationFrame(() => cellRef.current?.querySelector<HTMLElement>('button')?.focus())
  }
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault()
      finish(true)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      finish(false)
    } else if (event.key === 'Tab') {
      event.preventDefault()
      finish(true, event.shiftKey ? -1 : 1)
    }
  }
  const editorClass = cn(inputClassName, 'h-8 min-w-24 px-2 text-xs')
  return (
    <div ref={cellRef} data-editable-cell className="min-w-0">
      {draft === null ? (
        <button
          type="button"
          aria-label={label}
          disabled={disabled}
          onClick={() => setDraft(value)}
          className="block w-full min-w-0 truncate rounded px-2 py-1.5 text-left hover:bg-muted focus-visible:bg-muted disabled:cursor-default disabled:hover:bg-transparent"
        >
          {display}
        </button>
      ) : editor.kind === 'select' ? (
        <select aria-label={label} autoFocus className={editorClass} value={draft} onChange={(e) => finish(true, undefined, e.target.value)} onKeyDown={onKeyDown} onBlur={() => finish(false)}>
          {editor.options?.map(([optionValue, optionLabel]) => (
            <option key={optionValue} value={optionValue}>{optionLabel}</option>
          ))}
        </select>
      ) : (
        <input
          aria-label={label}
          autoFocus
          inputMode={editor.kind === 'number' ? 'numeric' : undefined}
          className={editorClass}
          value={draft}
          onChange={(e) => setDraft(editor.kind === 'number' ? e.target.value.replace(/\D/g, '') : e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => finish(true)}
        />
      )}
    </div>
  )
}
