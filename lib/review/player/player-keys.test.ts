import { describe, expect, it } from 'vitest'
import { commandForKey, playerOwnsKey, type KeyTarget } from './player-keys'

const press = (code: string, modifiers: Partial<{ shiftKey: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) =>
  commandForKey({ code, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...modifiers })

describe('commandForKey', () => {
  it('maps the transport keys', () => {
    expect(press('Space')).toEqual({ type: 'toggle-play' })
    expect(press('KeyJ')).toEqual({ type: 'shuttle', key: 'j' })
    expect(press('KeyK')).toEqual({ type: 'shuttle', key: 'k-down' })
    expect(press('KeyL')).toEqual({ type: 'shuttle', key: 'l' })
    expect(press('ArrowLeft')).toEqual({ type: 'step', frames: -1 })
    expect(press('ArrowRight', { shiftKey: true })).toEqual({ type: 'step', frames: 10 })
    expect(press('ArrowLeft', { shiftKey: true })).toEqual({ type: 'step', frames: -10 })
    expect(press('Home')).toEqual({ type: 'first-frame' })
    expect(press('End')).toEqual({ type: 'last-frame' })
  })

  it('marks and clears in and out, and toggles the loop', () => {
    expect(press('KeyI')).toEqual({ type: 'mark-in' })
    expect(press('KeyO')).toEqual({ type: 'mark-out' })
    expect(press('KeyI', { altKey: true })).toEqual({ type: 'clear-in' })
    expect(press('KeyO', { altKey: true })).toEqual({ type: 'clear-out' })
    expect(press('KeyX', { altKey: true })).toEqual({ type: 'clear-marks' })
    expect(press('KeyP')).toEqual({ type: 'toggle-loop' })
  })

  it('mutes with M and goes full screen with F, by key position like the rest', () => {
    expect(press('KeyM')).toEqual({ type: 'toggle-mute' })
    expect(press('KeyF')).toEqual({ type: 'toggle-fullscreen' })
    // Ctrl+F is the browser's find; Alt+M is nobody's, so the player leaves it.
    expect(press('KeyF', { ctrlKey: true })).toBeNull()
    expect(press('KeyM', { altKey: true })).toBeNull()
  })

  it('leaves Ctrl and Cmd combinations and unknown keys to the page', () => {
    expect(press('KeyL', { ctrlKey: true })).toBeNull()
    expect(press('Space', { metaKey: true })).toBeNull()
    expect(press('KeyQ')).toBeNull()
    expect(press('KeyJ', { altKey: true })).toBeNull()
  })
})

describe('playerOwnsKey', () => {
  const target = (overrides: Partial<KeyTarget>): KeyTarget => ({
    tagName: 'DIV',
    isContentEditable: false,
    isPageBody: false,
    inPlayer: false,
    isPlayerTimeline: false,
    ...overrides,
  })

  it('takes keys on the page body and inside the player', () => {
    expect(playerOwnsKey(target({ tagName: 'BODY', isPageBody: true }), 'Space')).toBe(true)
    expect(playerOwnsKey(target({ inPlayer: true }), 'KeyL')).toBe(true)
    expect(playerOwnsKey(target({ tagName: 'BUTTON', inPlayer: true }), 'Space')).toBe(true)
  })

  it('never takes keys from someone typing, even inside the player', () => {
    expect(playerOwnsKey(target({ tagName: 'TEXTAREA', inPlayer: true }), 'Space')).toBe(false)
    expect(playerOwnsKey(target({ tagName: 'INPUT', inputType: 'text' }), 'KeyJ')).toBe(false)
    expect(playerOwnsKey(target({ tagName: 'INPUT' }), 'KeyJ')).toBe(false)
    expect(playerOwnsKey(target({ tagName: 'DIV', isContentEditable: true, inPlayer: true }), 'KeyK')).toBe(false)
    expect(playerOwnsKey(target({ tagName: 'SELECT', inPlayer: true }), 'ArrowLeft')).toBe(false)
  })

  it('leaves keys aimed at other parts of the page alone', () => {
    expect(playerOwnsKey(target({ tagName: 'BUTTON' }), 'Space')).toBe(false)
  })

  it('lets the volume slider keep its arrows but steps frames from its own timeline', () => {
    expect(playerOwnsKey(target({ tagName: 'MEDIA-VOLUME-RANGE', inPlayer: true }), 'ArrowLeft')).toBe(false)
    expect(playerOwnsKey(target({ tagName: 'MEDIA-VOLUME-RANGE', inPlayer: true }), 'Space')).toBe(true)
    expect(playerOwnsKey(target({ role: 'slider', inPlayer: true, isPlayerTimeline: true }), 'ArrowLeft')).toBe(true)
    expect(playerOwnsKey(target({ tagName: 'INPUT', inputType: 'range', inPlayer: true }), 'ArrowRight')).toBe(false)
  })
})
