// The review player's keyboard map, and when a key press is the player's to take.

export type PlayerCommand =
  | { type: 'toggle-play' }
  | { type: 'shuttle'; key: 'j' | 'l' | 'k-down' }
  | { type: 'step'; frames: number }
  | { type: 'mark-in' }
  | { type: 'mark-out' }
  | { type: 'clear-in' }
  | { type: 'clear-out' }
  | { type: 'clear-marks' }
  | { type: 'toggle-loop' }
  | { type: 'first-frame' }
  | { type: 'last-frame' }
  | { type: 'toggle-mute' }
  | { type: 'toggle-fullscreen' }

/** The parts of a KeyboardEvent the map reads. Letters go by `code` so J/K/L stay under the right hand on any layout. */
export interface KeyInput {
  code: string
  shiftKey: boolean
  altKey: boolean
  ctrlKey: boolean
  metaKey: boolean
}

export const playerShortcuts: readonly { keys: string; does: string }[] = [
  { keys: 'Space', does: 'Play / pause' },
  { keys: 'J / K / L', does: 'Reverse / stop / forward; press again for 2×, 4×, 8×' },
  { keys: 'K + J / K + L', does: 'Step one frame back / forward' },
  { keys: '← / →', does: 'One frame back / forward (Shift: 10)' },
  { keys: 'Home / End', does: 'First / last frame' },
  { keys: 'I / O', does: 'Mark in / out (Alt: clear; Alt+X clears both)' },
  { keys: 'P', does: 'Loop the in–out range' },
  { keys: 'M / F', does: 'Mute / full screen' },
]

export function commandForKey(key: KeyInput): PlayerCommand | null {
  // Ctrl and Cmd combinations belong to the browser and the page (copy, undo, find).
  if (key.ctrlKey || key.metaKey) return null
  if (key.altKey) {
    if (key.code === 'KeyI') return { type: 'clear-in' }
    if (key.code === 'KeyO') return { type: 'clear-out' }
    if (key.code === 'KeyX') return { type: 'clear-marks' }
    return null
  }
  switch (key.code) {
    case 'Space':
      return { type: 'toggle-play' }
    case 'KeyJ':
      return { type: 'shuttle', key: 'j' }
    case 'KeyK':
      return { type: 'shuttle', key: 'k-down' }
    case 'KeyL':
      return { type: 'shuttle', key: 'l' }
    case 'ArrowLeft':
      return { type: 'step', frames: key.shiftKey ? -10 : -1 }
    case 'ArrowRight':
      return { type: 'step', frames: key.shiftKey ? 10 : 1 }
    case 'Home':
      return { type: 'first-frame' }
    case 'End':
      return { type: 'last-frame' }
    case 'KeyI':
      return { type: 'mark-in' }
    case 'KeyO':
      return { type: 'mark-out' }
    case 'KeyP':
      return { type: 'toggle-loop' }
    case 'KeyM':
      return { type: 'toggle-mute' }
    case 'KeyF':
      return { type: 'toggle-fullscreen' }
    default:
      return null
  }
}

/** What the player needs to know about where a key press was aimed. */
export interface KeyTarget {
  tagName: string
  /** The `type` of an <input>, lowercased. */
  inputType?: string
  isContentEditable: boolean
  role?: string | null
  /** The target is the page body (nothing focused) or the document element. */
  isPageBody: boolean
  /** The target is inside this player. */
  inPlayer: boolean
  /** The target is the player's own timeline, a slider whose arrow keys are frame steps. */
  isPlayerTimeline: boolean
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'time', 'datetime-local', 'month', 'week'])

/**
 * The player takes keys only when it or nothing in particular has focus, and never from someone typing: a comment box
 * must receive its spaces and letters. A slider other than the player's own keeps its arrow keys (the volume).
 */
export function playerOwnsKey(target: KeyTarget, code: string): boolean {
  const tag = target.tagName.toLowerCase()
  if (target.isContentEditable || tag === 'textarea' || tag === 'select') return false
  if (tag === 'input' && TEXT_INPUT_TYPES.has(target.inputType ?? 'text')) return false
  if (!target.isPageBody && !target.inPlayer) return false
  const isArrow = code.startsWith('Arrow')
  const isSlider = target.role === 'slider' || tag.endsWith('-range') || (tag === 'input' && target.inputType === 'range')
  return !(isArrow && isSlider && !target.isPlayerTimeline)
}
