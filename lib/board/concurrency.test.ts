import { describe, expect, it } from 'vitest'
import { createReplica, shape, sync, syncBoth, view, type Replica } from './test-support'

// Alice and Bob start from the same board, edit without seeing each other (offline, or simply at the same moment),
// then exchange updates. Every case runs with both delivery orders and must end identical on both replicas.

function startTogether() {
  const alice = createReplica('alice')
  const bob = createReplica('bob')
  const b = alice.board
  const kitchen = b.insertScene({}, { heading: 'INT. KITCHEN – NIGHT' })
  const road = b.insertScene({}, { heading: 'EXT. ROAD – DAY' })
  const wide = b.insertShot({ sceneId: kitchen })
  const close = b.insertShot({ sceneId: kitchen })
  const tracking = b.insertShot({ sceneId: road })
  const p1 = b.insertPanel({ shotId: wide })
  const p2 = b.insertPanel({ shotId: wide })
  const p3 = b.insertPanel({ shotId: close })
  sync(alice, bob)
  return { alice, bob, kitchen, road, wide, close, tracking, p1, p2, p3 }
}

function converge(alice: Replica, bob: Replica, order: 'a-first' | 'b-first') {
  syncBoth(alice, bob, order)
  expect(view(bob.board)).toEqual(view(alice.board))
}

const shotIdsInOutline = (replica: Replica) => shape(replica.board).flatMap((scene) => scene.shots.map((shot) => shot.shot))

describe.each(['a-first', 'b-first'] as const)('two replicas, %s', (order) => {
  it('concurrent moves of one shot to different places leave it in exactly one of them', () => {
    const { alice, bob, kitchen, road, wide, tracking } = startTogether()
    alice.board.moveShot(wide, { sceneId: road, index: 0 })
    bob.board.moveShot(wide, { sceneId: kitchen }) // to the end of its own scene
    converge(alice, bob, order)
    expect(shotIdsInOutline(alice).filter((id) => id === wide)).toHaveLength(1)
    const placed = alice.board.getShot(wide).sceneId
    expect([kitchen, road]).toContain(placed)
    expect(shotIdsInOutline(alice)).toHaveLength(3)
    expect(alice.board.listShots(road).map((shot) => shot.id)).toContain(tracking)
  })

  it('a move and a delete of the same shot end with the shot and its panels deleted, no orphans', () => {
    const { alice, bob, road, wide } = startTogether()
    alice.board.moveShot(wide, { sceneId: road })
    bob.board.deleteShot(wide)
    converge(alice, bob, order)
    expect(shotIdsInOutline(alice)).not.toContain(wide)
    expect(alice.board.listPanels(wide)).toEqual([])
    expect(alice.board.listOrphans()).toEqual({ shots: [], panels: [] })
  })

  it('moving a panel into a shot someone deletes leaves an orphan panel on both sides, which can be moved back', () => {
    const { alice, bob, wide, close, tracking, p1 } = startTogether()
    alice.board.movePanel(p1, { shotId: close })
    bob.board.deleteShot(close)
    converge(alice, bob, order)
    // Hidden from the outline and the animatic, kept in the document, listed for a "Recovered" tray.
    expect(shape(alice.board).flatMap((scene) => scene.shots.flatMap((shot) => shot.panels))).not.toContain(p1)
    expect(alice.board.listOrphans().panels.map((panel) => panel.id)).toEqual([p1])
    expect(alice.board.getPanel(p1).shotId).toBe(close)
    bob.board.movePanel(p1, { shotId: tracking })
    converge(alice, bob, order)
    expect(alice.board.listPanels(tracking).map((panel) => panel.id)).toEqual([p1])
    expect(alice.board.listOrphans().panels).toEqual([])
    expect(alice.board.listPanels(wide)).toHaveLength(1)
  })

  it('adding a shot to a scene someone deletes leaves an orphan shot with its panel', () => {
    const { alice, bob, road } = startTogether()
    const added = alice.board.insertShot({ sceneId: road })
    const panel = alice.board.insertPanel({ shotId: added })
    bob.board.deleteScene(road)
    converge(alice, bob, order)
    expect(alice.board.listOrphans().shots.map(({ shot, panels }) => [shot.id, panels.map((p) => p.id)])).toEqual([[added, [panel]]])
    expect(alice.board.panelAtFrame(alice.board.totalDurationFrames() - 1)?.panel.id).not.toBe(panel)
    // Nothing new can be put into the hidden shot; moving it into a live scene brings it back with its panel.
    expect(() => alice.board.insertPanel({ shotId: added })).toThrow('The shot was not found.')
    const kitchen = alice.board.listScenes()[0]!.id
    alice.board.moveShot(added, { sceneId: kitchen })
    converge(alice, bob, order)
    expect(bob.board.listPanels(added).map((p) => p.id)).toEqual([panel])
    expect(bob.board.listOrphans().shots).toEqual([])
  })

  it('concurrent inserts at the same place both survive in one stable order, and the gap between them still works', () => {
    const { alice, bob, wide, p1, p2 } = startTogether()
    const fromAlice = alice.board.insertPanel({ after: p1 })
    const fromBob = bob.board.insertPanel({ after: p1 })
    converge(alice, bob, order)
    const panels = alice.board.listPanels(wide).map((panel) => panel.id)
    expect(panels).toHaveLength(4)
    expect(panels[0]).toBe(p1)
    expect(panels[3]).toBe(p2)
    expect(new Set(panels.slice(1, 3))).toEqual(new Set([fromAlice, fromBob]))
    // Both minted the same key; inserting between the tied pair re-keys the second one.
    const between = bob.board.insertPanel({ after: panels[1]! })
    converge(alice, bob, order)
    expect(alice.board.listPanels(wide).map((panel) => panel.id)).toEqual([p1, panels[1], between, panels[2], p2])
  })

  it('concurrent edits of different fields merge; of the same field, both sides agree on one value', () => {
    const { alice, bob, wide } = startTogether()
    alice.board.updateShot(wide, { lens: '35mm', description: 'Alice' })
    bob.board.updateShot(wide, { size: 'MS', description: 'Bob' })
    converge(alice, bob, order)
    const shot = alice.board.getShot(wide)
    expect(shot).toMatchObject({ lens: '35mm', size: 'MS' })
    expect(['Alice', 'Bob']).toContain(shot.description)
  })

  it('renumbering on two diverged replicas still shows every number once per scene', () => {
    const { alice, bob, kitchen, wide } = startTogether()
    alice.board.insertShot({ after: wide })
    alice.board.renumber()
    bob.board.insertShot({ sceneId: kitchen, index: 0 })
    bob.board.renumber()
    converge(alice, bob, order)
    const numbers = alice.board.outline().scenes[0]!.shots.map((shot) => shot.number)
    expect(numbers).toHaveLength(4)
    expect(new Set(numbers).size).toBe(4)
  })
})
