'use client'
// Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z (and Ctrl+Y) for the board's per-user undo. Text fields and dialogs keep their own.
import { useEffect } from 'react'
import type { BoardUndoManager } from '@/lib/board'

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  // Dialogs (the drawing editor) have their own undo.
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('[role="dialog"]') !== null
}

export function useUndoShortcuts(undo: BoardUndoManager, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextEntry(event.target)) return
      const key = event.key.toLowerCase()
      if (key === 'z' && !event.shiftKey) undo.undo()
      else if ((key === 'z' && event.shiftKey) || key === 'y') undo.redo()
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [undo, enabled])
}
