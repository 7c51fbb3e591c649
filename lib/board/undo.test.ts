import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createBoard } from './board'
import { createReplica, shape, sync, syncBoth } from './test-support'
import { createBoardUndoManager } from './undo'

function sharedDocument() {
  // Two people on one document (the same browser tab pattern as two replicas, without the network in between).
  const doc = new Y.Doc()
  const alice = createBoard(doc, { origin: 'alice', newId: idMaker('a') })
  const bob = createBoard(doc, { origin: 'bob', newId: idMaker('b') })
  const scene = alice.insertScene()
  const shot = alice.insertShot({ sceneId: scene })
  const panel = alice.insertPanel({ shotId: shot }, { durationFrames: 24 })
  const aliceUndo = createBoardUndoManager(alice)
  const bobUndo = createBoardUndoManager(bob)
  return { alice, bob, scene, shot, panel, aliceUndo, bobUndo }
}

function idMaker(prefix: string) {
  let next = 0
  return () => `${prefix}-${++next}`
}

describe('undo per user', () => {
  it("undoes only my own step, leaving the other person's edit in place", () => {
    const { alice, bob, shot, aliceUndo, bobUndo } = sharedDocument()
    alice.updateShot(shot, { description: 'Wide on the door' })
    bob.updateShot(shot, { lens: '28mm' })
    aliceUndo.undo()
    expect(alice.getShot(shot)).toMatchObject({ description: '', lens: '28mm' })
    expect(bobUndo.canUndo()).toBe(true)
    aliceUndo.redo()
    expect(alice.getShot(shot)).toMatchObject({ description: 'Wide on the door', lens: '28mm' })
  })

  it('keeps each operation a separate step', () => {
    const { alice, panel, aliceUndo } = sharedDocument()
    alice.updatePanel(panel, { durationFrames: 30 })
    alice.updatePanel(panel, { action: 'Door opens' })
    aliceUndo.undo()
    expect(alice.getPanel(panel)).toMatchObject({ durationFrames: 30, action: '' })
    aliceUndo.undo()
    expect(alice.getPanel(panel)).toMatchObject({ durationFrames: 24, action: '' })
    expect(aliceUndo.canUndo()).toBe(false)
  })

  it('brings back a deleted shot together with its panels, in place', () => {
    const { alice, scene, shot, panel, aliceUndo } = sharedDocument()
    const second = alice.insertShot({ sceneId: scene })
    const before = shape(alice)
    alice.deleteShot(shot)
    expect(alice.listShots(scene).map((s) => s.id)).toEqual([second])
    aliceUndo.undo()
    expect(shape(alice)).toEqual(before)
    expect(alice.getPanel(panel).durationFrames).toBe(24)
  })

  it('undoes a move without touching a concurrent edit by someone else on another replica', () => {
    const alice = createReplica('alice')
    const bob = createReplica('bob')
    const kitchen = alice.board.insertScene()
    const road = alice.board.insertScene()
    const shot = alice.board.insertShot({ sceneId: kitchen })
    sync(alice, bob)
    const aliceUndo = createBoardUndoManager(alice.board)
    alice.board.moveShot(shot, { sceneId: road })
    bob.board.updateShot(shot, { status: 'ready' })
    syncBoth(alice, bob)
    aliceUndo.undo() // remote updates arrived with another origin and are not Alice's to undo
    syncBoth(alice, bob)
    for (const replica of [alice, bob]) {
      expect(replica.board.getShot(shot)).toMatchObject({ sceneId: kitchen, status: 'ready' })
    }
    expect(aliceUndo.canUndo()).toBe(false)
  })

  it('tells the toolbar when the stacks change', () => {
    const { alice, shot, aliceUndo } = sharedDocument()
    let changes = 0
    const stop = aliceUndo.onChange(() => changes++)
    alice.updateShot(shot, { lens: '50mm' })
    aliceUndo.undo()
    stop()
    alice.updateShot(shot, { lens: '85mm' })
    expect(changes).toBeGreaterThanOrEqual(2)
    const seen = changes
    aliceUndo.undo()
    expect(changes).toBe(seen)
  })
})
