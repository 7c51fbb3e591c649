'use client'
// Binds the player's keys (lib/review/player/player-keys.ts) to the page, taking them only when they are the player's.
import { useEffect, useRef, type RefObject } from 'react'
import { commandForKey, playerOwnsKey, type PlayerCommand } from '@/lib/review/player/player-keys'

/**
 * 'page': keys work when the player has focus or nothing does (the usual single-player page).
 * 'focus': only when focus is inside this player (the second player of a comparison).
 * 'off': no keys.
 */
export type PlayerKeyboardScope = 'page' | 'focus' | 'off'

export function usePlayerKeyboard(
  rootRef: RefObject<HTMLElement | null>,
  scope: PlayerKeyboardScope,
  onCommand: (command: PlayerCommand, event: KeyboardEvent) => void,
  onKUp: () => void,
) {
  // The latest handlers without re-binding the listener on every render.
  const handlers = useRef({ onCommand, onKUp })
  useEffect(() => {
    handlers.current = { onCommand, onKUp }
  })

  useEffect(() => {
    if (scope === 'off') return
    function owns(event: KeyboardEvent): boolean {
      const root = rootRef.current
      const target = event.target instanceof Element ? event.target : document.body
      const inPlayer = Boolean(root && root.contains(target))
      const isPageBody = target === document.body || target === document.documentElement
      if (scope === 'focus' && !inPlayer) return false
      return playerOwnsKey(
        {
          tagName: target.tagName,
          inputType: target instanceof HTMLInputElement ? target.type.toLowerCase() : undefined,
          isContentEditable: target instanceof HTMLElement && target.isContentEditable,
          role: target.getAttribute('role'),
          isPageBody,
          inPlayer,
          isPlayerTimeline: target.hasAttribute('data-player-timeline') && inPlayer,
        },
        event.code,
      )
    }
    function onKeyDown(event: KeyboardEvent) {
      const command = commandForKey(event)
      if (!command || !owns(event)) return
      // Held J/L auto-repeat would race through the speeds; held arrows step on, as in an NLE.
      if (event.repeat && command.type === 'shuttle') {
        event.preventDefault()
        return
      }
      event.preventDefault()
      // Captured before a focused media-chrome button sees it, so Space cannot toggle twice.
      event.stopPropagation()
      handlers.current.onCommand(command, event)
    }
    function onKeyUp(event: KeyboardEvent) {
      if (event.code === 'KeyK') handlers.current.onKUp()
    }
    window.addEventListener('keydown', onKeyDown, { capture: true })
    window.addEventListener('keyup', onKeyUp, { capture: true })
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true })
      window.removeEventListener('keyup', onKeyUp, { capture: true })
    }
  }, [rootRef, scope])
}
