import { describe, expect, it } from 'vitest'
import { isAppError } from '../errors'
import { createReplica, shape, sync } from './test-support'

function kitchenBoard() {
  const replica = createReplica('u')
  const { board, doc } = replica
  const kitchen = board.insertScene({}, { heading: 'INT. KITCHEN – NIGHT' })
  const road = board.insertScene({}, { heading: 'EXT. ROAD – DAY' })
  const wide = board.insertShot({ sceneId: kitchen }, { size: 'WS' })
  const close = board.insertShot({ sceneId: kitchen }, { size: 'CU' })
  const p1 = board.insertPanel({ shotId: wide }, { durationFrames: 24, action: 'Mara enters' })
  const p2 = board.insertPanel({ shotId: wide }, { durationFrames: 12 })
  const p3 = board.insertPanel({ shotId: close }, { durationFrames: 36 })
  return { replica, board, doc, kitchen, road, wide, close, p1, p2, p3 }
}

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id)

function expectAppError(run: () => unknown, code: string) {
  try {
    run()
  } catch (error) {
    expect(isAppError(error) && error.code).toBe(code)
    return
  }
  throw new Error(`expected ${code}`)
}

describe('inserts', () => {
  it('put scenes, shots and panels at the end, after X, before X or at an index', () => {
    const { board, kitchen, wide, close, p1, p2 } = kitchenBoard()
    const first = board.insertScene({ index: 0 }, { heading: 'EXT. HOUSE – NIGHT' })
    expect(board.listScenes()[0]!.id).toBe(first)
    const between = board.insertShot({ after: wide })
    const opening = board.insertShot({ before: wide })
    expect(ids(board.listShots(kitchen))).toEqual([opening, wide, between, close])
    const middle = board.insertPanel({ shotId: wide, index: 1 })
    expect(ids(board.listPanels(wide))).toEqual([p1, middle, p2])
  })

  it('fill defaults and keep the given fields', () => {
    const { board, wide } = kitchenBoard()
    expect(board.getShot(wide)).toMatchObject({ size: 'WS', status: 'planned', cast: [], number: { kind: 'auto' }, lens: '' })
    const panel = board.getPanel(board.insertPanel({ shotId: wide }))
    expect(panel).toMatchObject({ durationFrames: 48, cameraMove: { kind: 'static' }, transitionIn: { kind: 'cut' }, imageAssetId: null })
  })

  it('see each other inside one outer transaction (a batch is one change and one undo step)', () => {
    const { board, doc } = createReplica('u')
    let scenes: string[] = []
    let shot = ''
    doc.transact(() => {
      scenes = [board.insertScene({}, { heading: 'ONE' }), board.insertScene({}, { heading: 'TWO' }), board.insertScene({}, { heading: 'THREE' })]
      shot = board.insertShot({ sceneId: scenes[1]! })
      board.insertPanel({ shotId: shot })
      board.insertPanel({ shotId: shot })
    })
    expect(board.listScenes().map((scene) => scene.heading)).toEqual(['ONE', 'TWO', 'THREE'])
    expect(new Set(board.listScenes().map((scene) => scene.order)).size).toBe(3)
    expect(board.listPanels(shot)).toHaveLength(2)
    expect(new Set(board.listPanels(shot).map((panel) => panel.order)).size).toBe(2)
  })

  it('refuse a parent that does not exist', () => {
    const { board } = kitchenBoard()
    expectAppError(() => board.insertShot({ sceneId: 'nope' }), 'NOT_FOUND')
    expectAppError(() => board.insertPanel({ after: 'nope' }), 'NOT_FOUND')
  })
})

describe('duplicate', () => {
  it('copies a shot with its panels right after it, with new ids and an automatic number', () => {
    const { board, kitchen, wide, close, p1, p2 } = kitchenBoard()
    board.updateShot(wide, { number: { kind: 'custom', label: '1X' }, description: 'Establishing' })
    const copy = board.duplicateShot(wide)
    expect(ids(board.listShots(kitchen))).toEqual([wide, copy.shotId, close])
    expect(board.getShot(copy.shotId)).toMatchObject({ size: 'WS', description: 'Establishing', number: { kind: 'auto' } })
    expect(Object.keys(copy.panelIds)).toEqual([p1, p2])
    expect(board.listPanels(copy.shotId).map((panel) => [panel.id, panel.action, panel.durationFrames])).toEqual([
      [copy.panelIds[p1], 'Mara enters', 24],
      [copy.panelIds[p2], '', 12],
    ])
  })

  it('copies a panel right after it', () => {
    const { board, wide, p1, p2 } = kitchenBoard()
    const copy = board.duplicatePanel(p1)
    expect(ids(board.listPanels(wide))).toEqual([p1, copy, p2])
    expect(board.getPanel(copy).action).toBe('Mara enters')
  })
})

describe('move', () => {
  it('moves a shot to another scene and index, keeping its id, fields and panels', () => {
    const { board, kitchen, road, wide, close, p1, p2 } = kitchenBoard()
    const roadShot = board.insertShot({ sceneId: road })
    board.moveShot(wide, { sceneId: road, index: 0 })
    expect(ids(board.listShots(kitchen))).toEqual([close])
    expect(ids(board.listShots(road))).toEqual([wide, roadShot])
    expect(ids(board.listPanels(wide))).toEqual([p1, p2])
    board.moveShot(wide, { after: roadShot })
    expect(ids(board.listShots(road))).toEqual([roadShot, wide])
  })

  it('moves a panel to another shot, and within its shot', () => {
    const { board, wide, close, p1, p2, p3 } = kitchenBoard()
    board.movePanel(p1, { shotId: close })
    expect(ids(board.listPanels(wide))).toEqual([p2])
    expect(ids(board.listPanels(close))).toEqual([p3, p1])
    board.movePanel(p1, { shotId: close, index: 0 })
    expect(ids(board.listPanels(close))).toEqual([p1, p3])
  })

  it('moves scenes, and a drop on the same place writes nothing', () => {
    const { board, doc, kitchen, road } = kitchenBoard()
    board.moveScene(road, { before: kitchen })
    expect(ids(board.listScenes())).toEqual([road, kitchen])
    let updates = 0
    doc.on('update', () => updates++)
    board.moveScene(road, { index: 0 })
    expect(updates).toBe(0)
    expectAppError(() => board.moveScene(road, { after: road }), 'BAD_REQUEST')
  })
})

describe('delete', () => {
  it('cascades from a scene to its shots and their panels', () => {
    const { board, doc, kitchen, road, wide, close, p1, p2, p3 } = kitchenBoard()
    const removed = board.deleteScene(kitchen)
    expect(removed).toEqual({ scenes: [kitchen], shots: [wide, close], panels: [p1, p2, p3] })
    expect(ids(board.listScenes())).toEqual([road])
    expect([...doc.getMap('shots').keys()]).toEqual([])
    expect([...doc.getMap('panels').keys()]).toEqual([])
    expect(board.listOrphans()).toEqual({ shots: [], panels: [] })
  })

  it('cascades from a shot to its panels, and deleting what is gone is a no-op', () => {
    const { board, kitchen, wide, close, p1, p2, p3 } = kitchenBoard()
    expect(board.deleteShot(wide)).toEqual({ scenes: [], shots: [wide], panels: [p1, p2] })
    expect(ids(board.listShots(kitchen))).toEqual([close])
    expect(board.deletePanel(p3).panels).toEqual([p3])
    expect(board.deleteShot(wide)).toEqual({ scenes: [], shots: [], panels: [] })
    expectAppError(() => board.getShot(wide), 'NOT_FOUND')
  })
})

describe('update', () => {
  it('writes only the given fields', () => {
    const { board, wide, p1 } = kitchenBoard()
    board.updateShot(wide, { lens: '35mm', cast: ['Mara', 'Jon'], setupMinutes: 20 })
    expect(board.getShot(wide)).toMatchObject({ size: 'WS', lens: '35mm', cast: ['Mara', 'Jon'], setupMinutes: 20 })
    const framing = { start: { x: 0, y: 0, width: 1, height: 1 }, end: { x: 0.25, y: 0.25, width: 0.5, height: 0.5 } }
    board.updatePanel(p1, { cameraMove: { kind: 'custom', ...framing }, transitionIn: { kind: 'dissolve', durationFrames: 12 } })
    expect(board.getPanel(p1)).toMatchObject({ action: 'Mara enters', cameraMove: { kind: 'custom', ...framing }, transitionIn: { kind: 'dissolve', durationFrames: 12 } })
  })

  it('updates scenes', () => {
    const { board, kitchen } = kitchenBoard()
    board.updateScene(kitchen, { notes: 'Practical lights only' })
    expect(board.getScene(kitchen)).toMatchObject({ heading: 'INT. KITCHEN – NIGHT', notes: 'Practical lights only' })
  })
})

describe('numbering and renumber', () => {
  it('numbers scenes in order and letters their shots, with labels down to the panel', () => {
    const { board, road, wide, close } = kitchenBoard()
    board.insertShot({ sceneId: road })
    expect(shape(board).map((scene) => scene.shots.map((shot) => shot.number))).toEqual([['1A', '1B'], ['2A']])
    expect(board.outline().scenes[0]!.shots[1]!.panels[0]!.label).toBe('Scene 1 · Shot 1B · panel 1')
    board.updateShot(close, { number: { kind: 'custom', label: '4A' } })
    expect(board.outline().scenes[0]!.shots.map((shot) => [shot.shot.id, shot.number, shot.customNumber])).toEqual([
      [wide, '1A', false],
      [close, '4A', true],
    ])
  })

  it('keeps numbers steady after renumber until the next renumber, and keeps custom labels', () => {
    const { board, kitchen, wide, close } = kitchenBoard()
    const custom = board.insertShot({ sceneId: kitchen }, { number: { kind: 'custom', label: 'PU1' } })
    board.renumber()
    const inserted = board.insertShot({ after: wide })
    const numbers = () => board.outline().scenes[0]!.shots.map((shot) => shot.number)
    // The shot list already printed says 1A and 1B: the newcomer takes the next free letter.
    expect(ids(board.listShots(kitchen))).toEqual([wide, inserted, close, custom])
    expect(numbers()).toEqual(['1A', '1C', '1B', 'PU1'])
    board.renumber()
    expect(numbers()).toEqual(['1A', '1B', '1C', 'PU1'])
  })

  it('a locked shot moved to another scene is lettered there like a new shot', () => {
    const { board, road, wide } = kitchenBoard()
    const roadShot = board.insertShot({ sceneId: road })
    board.renumber()
    board.moveShot(wide, { sceneId: road, index: 0 })
    expect(board.outline().scenes[1]!.shots.map((shot) => [shot.shot.id, shot.number])).toEqual([
      [wide, '2B'],
      [roadShot, '2A'],
    ])
  })
})

describe('reads', () => {
  it('times the animatic and finds the panel on screen at a frame', () => {
    const { board, p1, p2, p3 } = kitchenBoard()
    const silent = board.insertPanel({ after: p2 }, { durationFrames: 0 })
    expect(board.totalDurationFrames()).toBe(72)
    expect(board.panelAtFrame(0)?.panel.id).toBe(p1)
    expect(board.panelAtFrame(23)?.panel.id).toBe(p1)
    expect(board.panelAtFrame(24)).toMatchObject({ startFrame: 24, endFrame: 36, label: 'Scene 1 · Shot 1A · panel 2' })
    expect(board.panelAtFrame(36)?.panel.id).toBe(p3) // the 0-frame panel is never on screen
    expect(board.panelAtFrame(71)?.panel.id).toBe(p3)
    expect(board.panelAtFrame(72)).toBeNull()
    expect(board.panelAtFrame(-1)).toBeNull()
    expect(ids(board.listPanels())).toEqual([p1, p2, silent, p3])
  })

  it('caches the outline until the document changes, and hands out read-only objects', () => {
    const { board, wide } = kitchenBoard()
    const first = board.outline()
    expect(board.outline()).toBe(first)
    board.updateShot(wide, { lens: '50mm' })
    expect(board.outline()).not.toBe(first)
    const shot = board.getShot(wide)
    const attemptMutation = () => {
      // @ts-expect-error — entities are deeply read-only; typecheck fails if this ever compiles
      shot.cast.push('Extra')
    }
    expect(attemptMutation).toBeTypeOf('function')
  })

  it('observe fires once per transaction, for local and remote changes', () => {
    const { replica, board, wide } = kitchenBoard()
    const other = createReplica('other')
    const seen: Array<{ origin: unknown; local: boolean }> = []
    const stop = board.observe((change) => seen.push(change))
    board.duplicateShot(wide) // one transaction touching a shot and two panels
    board.updateShot(wide, { lens: '24mm' })
    board.updateShot(wide, { lens: '24mm' }) // no change, no transaction that touches the board
    other.board.insertScene()
    sync(other, replica)
    expect(seen).toEqual([
      { origin: 'u', local: true },
      { origin: 'u', local: true },
      { origin: 'remote', local: false },
    ])
    stop()
    board.insertScene()
    expect(seen).toHaveLength(3)
  })
})
