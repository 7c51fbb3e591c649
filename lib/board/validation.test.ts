import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { isAppError, type AppError } from '../errors'
import { frameRateById } from '../frame-rates'
import { createReplica } from './test-support'

function setup() {
  // 23.976 fps: 24 hours are 2,071,528 whole frames (86,400 × 24000 / 1001, rounded down).
  const replica = createReplica('u', { frameRate: frameRateById('23.976') })
  const scene = replica.board.insertScene()
  const shot = replica.board.insertShot({ sceneId: scene })
  const panel = replica.board.insertPanel({ shotId: shot }, { durationFrames: 48 })
  return { ...replica, scene, shot, panel }
}

/** Runs a write that must be refused, and checks the document did not change at all. */
function refused(doc: Y.Doc, write: () => unknown): AppError {
  const before = Y.encodeStateAsUpdate(doc)
  let caught: unknown
  try {
    write()
  } catch (error) {
    caught = error
  }
  expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  if (!isAppError(caught)) throw new Error(`expected an AppError, got ${String(caught)}`)
  return caught
}

describe('panel durations', () => {
  it.each([
    ['negative', -1, 'durationFrames cannot be negative'],
    ['fractional', 12.5, 'durationFrames must be a whole number of frames'],
    ['over 24 hours', 2_071_529, 'durationFrames cannot be longer than 24 hours (2071528 frames at this frame rate)'],
    ['not a number', '48', 'durationFrames must be a number of frames'],
  ])('refuses a %s duration with a clear message and leaves the board unchanged', (_name, durationFrames, message) => {
    const { doc, board, panel } = setup()
    const error = refused(doc, () => board.updatePanel(panel, { durationFrames: durationFrames as number }))
    expect(error.code).toBe('BAD_REQUEST')
    expect(error.userMessage).toBe(`Invalid panel: ${message}.`)
    expect(board.getPanel(panel).durationFrames).toBe(48)
  })

  it('accepts exactly 24 hours and 0 frames', () => {
    const { board, panel } = setup()
    board.updatePanel(panel, { durationFrames: 2_071_528 })
    board.updatePanel(panel, { durationFrames: 0 })
    expect(board.getPanel(panel).durationFrames).toBe(0)
  })

  it('bounds transition lengths the same way', () => {
    const { doc, board, panel } = setup()
    const error = refused(doc, () => board.updatePanel(panel, { transitionIn: { kind: 'fade', durationFrames: -4 } }))
    expect(error.userMessage).toContain('transitionIn.durationFrames cannot be negative')
  })
})

describe('unknown and malformed fields', () => {
  it('rejects unknown fields on every update and insert, naming them', () => {
    const { doc, board, scene, shot, panel } = setup()
    const sneaky = { notes: 'ok', sceneId: 'elsewhere' } as object
    expect(refused(doc, () => board.updateScene(scene, sneaky)).userMessage).toBe('Invalid scene: unknown field "sceneId".')
    expect(refused(doc, () => board.updateShot(shot, { order: 'a0', numberLock: null } as object)).userMessage).toBe(
      'Invalid shot: unknown fields "order", "numberLock".',
    )
    expect(refused(doc, () => board.updatePanel(panel, { colour: 'red' } as object)).userMessage).toBe('Invalid panel: unknown field "colour".')
    refused(doc, () => board.insertShot({ sceneId: scene }, { id: 'mine' } as object))
  })

  it('rejects values outside the vocabulary and framings outside the frame', () => {
    const { doc, board, shot, panel } = setup()
    expect(refused(doc, () => board.updateShot(shot, { size: 'XXL' as 'CU' })).userMessage).toMatch(/^Invalid shot: size: Invalid option: expected one of "EWS"/)
    expect(refused(doc, () => board.updateShot(shot, { number: { kind: 'custom', label: '  ' } })).userMessage).toContain('cannot be empty')
    const outside = { x: 0.6, y: 0, width: 0.6, height: 1 }
    const error = refused(doc, () => board.updatePanel(panel, { cameraMove: { kind: 'custom', start: outside, end: outside } }))
    expect(error.userMessage).toContain('framing must stay inside the frame')
    refused(doc, () => board.updatePanel(panel, { cameraMove: { kind: 'custom' } as never }))
  })

  it('answers NOT_FOUND for ids that are not on the board, writing nothing', () => {
    const { doc, board } = setup()
    expect(refused(doc, () => board.updateShot('nope', { lens: '50mm' })).code).toBe('NOT_FOUND')
    expect(refused(doc, () => board.movePanel('nope', { shotId: 'nope' })).code).toBe('NOT_FOUND')
    expect(refused(doc, () => board.duplicateShot('nope')).code).toBe('NOT_FOUND')
  })
})

describe('reading foreign data', () => {
  it('falls back field by field when a peer wrote garbage, instead of hiding the entity', () => {
    const { doc, board, shot, panel } = setup()
    const raw = doc.getMap<Y.Map<unknown>>('panels').get(panel)!
    doc.transact(() => {
      raw.set('durationFrames', -5)
      raw.set('cameraMove', { kind: 'spin' })
      raw.set('order', 'not a key')
      raw.set('fromTheFuture', true)
    })
    expect(board.getPanel(panel)).toMatchObject({ id: panel, shotId: shot, durationFrames: 48, cameraMove: { kind: 'static' }, order: 'a0' })
    expect(board.getPanel(panel)).not.toHaveProperty('fromTheFuture')
    expect(board.listPanels(shot).map((p) => p.id)).toEqual([panel])
  })

  it('reads a shot with an unreadable size and number lock as unset, keeping its other fields', () => {
    const { doc, board, scene, shot } = setup()
    board.updateShot(shot, { lens: '40mm' })
    const raw = doc.getMap<Y.Map<unknown>>('shots').get(shot)!
    doc.transact(() => {
      raw.set('size', 'GIANT')
      raw.set('numberLock', { sceneId: scene, letters: 'I' })
    })
    expect(board.getShot(shot)).toMatchObject({ id: shot, sceneId: scene, lens: '40mm', size: null, numberLock: null })
    expect(board.outline().scenes[0]!.shots[0]!.number).toBe('1A')
  })
})
