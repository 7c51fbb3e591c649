import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isAppError } from '../errors'
import type { Board } from './board'
import { compareByOrder, isValidOrderKey } from './order'
import { createReplica, sync, syncAll, storedIds, view, type Replica } from './test-support'

// Random edit sessions: 2–3 people apply random operations to their own replica, updates travel between random pairs
// at random moments, and at the end everyone has everything. Whatever happened, all replicas must show the same
// outline, nothing may be duplicated, and nothing may be lost that nobody deleted.

const opKinds = [
  'insertScene', 'insertShot', 'insertPanel', 'duplicateShot', 'duplicatePanel', 'moveScene', 'moveShot', 'movePanel',
  'deleteScene', 'deleteShot', 'deletePanel', 'updateShot', 'updatePanel', 'renumber',
] as const

type Step =
  | { kind: 'op'; replica: number; op: (typeof opKinds)[number]; pick: number; other: number; index: number; side: number }
  | { kind: 'sync'; from: number; to: number }

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('op' as const), replica: fc.nat(2), op: fc.constantFrom(...opKinds), pick: fc.nat(50), other: fc.nat(50), index: fc.nat(6), side: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sync' as const), from: fc.nat(2), to: fc.nat(2) }) },
)

interface Ledger {
  created: Set<string>
  deleted: Set<string>
}

const pickFrom = <T,>(items: readonly T[], n: number): T | undefined => (items.length ? items[n % items.length] : undefined)

/** Applies one random operation; operations on things this replica cannot see are skipped, like a disabled button. */
function apply(board: Board, s: Extract<Step, { kind: 'op' }>, ledger: Ledger) {
  const scene = pickFrom(board.listScenes(), s.pick)?.id
  const shot = pickFrom(board.listShots(), s.pick)?.id
  const panel = pickFrom(board.listPanels(), s.pick)?.id
  const otherScene = pickFrom(board.listScenes(), s.other)?.id
  const otherShot = pickFrom(board.listShots(), s.other)?.id
  const otherPanel = pickFrom(board.listPanels(), s.other)?.id
  const add = (id: string) => ledger.created.add(id)
  const forget = (removed: { scenes: string[]; shots: string[]; panels: string[] }) =>
    [...removed.scenes, ...removed.shots, ...removed.panels].forEach((id) => ledger.deleted.add(id))
  switch (s.op) {
    case 'insertScene':
      return add(board.insertScene(s.side === 0 || !scene ? { index: s.index } : s.side === 1 ? { after: scene } : { before: scene }))
    case 'insertShot':
      if (!scene) return
      return add(board.insertShot(s.side === 0 || !shot ? { sceneId: scene, index: s.index } : s.side === 1 ? { after: shot } : { before: shot }))
    case 'insertPanel':
      if (!shot) return
      return add(board.insertPanel(s.side === 0 || !panel ? { shotId: shot, index: s.index } : s.side === 1 ? { after: panel } : { before: panel }))
    case 'duplicateShot': {
      if (!shot) return
      const copy = board.duplicateShot(shot)
      return [copy.shotId, ...Object.values(copy.panelIds)].forEach(add)
    }
    case 'duplicatePanel':
      return panel && add(board.duplicatePanel(panel))
    case 'moveScene':
      return scene && board.moveScene(scene, s.side === 0 || !otherScene ? { index: s.index } : { after: otherScene })
    case 'moveShot':
      return shot && otherScene && board.moveShot(shot, s.side === 0 || !otherShot ? { sceneId: otherScene, index: s.index } : { before: otherShot })
    case 'movePanel':
      return panel && otherShot && board.movePanel(panel, s.side === 0 || !otherPanel ? { shotId: otherShot, index: s.index } : { after: otherPanel })
    case 'deleteScene':
      return scene && forget(board.deleteScene(scene))
    case 'deleteShot':
      return shot && forget(board.deleteShot(shot))
    case 'deletePanel':
      return panel && forget(board.deletePanel(panel))
    case 'updateShot':
      return shot && board.updateShot(shot, { description: `d${s.other}`, status: s.side === 0 ? 'ready' : 'shot' })
    case 'updatePanel':
      return panel && board.updatePanel(panel, { durationFrames: s.other })
    case 'renumber':
      return board.renumber()
  }
}

function checkInvariants(replicas: Replica[], ledger: Ledger) {
  const [first, ...rest] = replicas as [Replica, ...Replica[]]
  for (const replica of rest) {
    expect(view(replica.board)).toEqual(view(first.board))
    expect(storedIds(replica)).toEqual(storedIds(first))
  }
  const board = first.board
  // Nothing lost that nobody deleted, nothing that was deleted still stored, nothing invented.
  const stored = storedIds(first)
  const storedAll = [...stored.scenes, ...stored.shots, ...stored.panels].sort()
  expect(storedAll).toEqual([...ledger.created].filter((id) => !ledger.deleted.has(id)).sort())
  // Every stored entity is shown exactly once: in the outline or in the orphan list.
  const outline = board.outline()
  const orphans = board.listOrphans()
  const shown = [
    ...outline.scenes.flatMap((scene) => [scene.scene.id, ...scene.shots.flatMap((shot) => [shot.shot.id, ...shot.panels.map((p) => p.panel.id)])]),
    ...orphans.shots.flatMap(({ shot, panels }) => [shot.id, ...panels.map((p) => p.id)]),
    ...orphans.panels.map((panel) => panel.id),
  ]
  expect(shown.sort()).toEqual(storedAll)
  // Valid keys, sorted siblings, one number per shot within a scene, and a timeline that adds up.
  const siblingLists = [outline.scenes.map((s) => s.scene), ...outline.scenes.flatMap((s) => [s.shots.map((x) => x.shot), ...s.shots.map((x) => x.panels.map((p) => p.panel))])]
  for (const siblings of siblingLists) {
    for (const item of siblings) expect(isValidOrderKey(item.order)).toBe(true)
    expect([...siblings].sort(compareByOrder)).toEqual(siblings)
  }
  for (const scene of outline.scenes) expect(new Set(scene.shots.map((shot) => shot.number)).size).toBe(scene.shots.length)
  const total = outline.scenes.flatMap((s) => s.shots.flatMap((x) => x.panels)).reduce((sum, p) => sum + p.panel.durationFrames, 0)
  expect(board.totalDurationFrames()).toBe(total)
}

describe('convergence under random concurrent editing', () => {
  it('ends with identical outlines, no duplicates, no losses and valid ordering', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 3 }), fc.array(step, { minLength: 1, maxLength: 40 }), (count, steps) => {
        const replicas = Array.from({ length: count }, (_, i) => createReplica(`r${i}`))
        const ledger: Ledger = { created: new Set(), deleted: new Set() }
        const seed = replicas[0]!.board
        const scene = seed.insertScene()
        const shot = seed.insertShot({ sceneId: scene })
        const panel = seed.insertPanel({ shotId: shot })
        ;[scene, shot, panel].forEach((id) => ledger.created.add(id))
        syncAll(replicas)

        for (const s of steps) {
          if (s.kind === 'sync') {
            const from = replicas[s.from % count]!
            const to = replicas[s.to % count]!
            if (from !== to) sync(from, to)
            continue
          }
          try {
            apply(replicas[s.replica % count]!.board, s, ledger)
          } catch (error) {
            // Refusals a user could trigger (e.g. "place next to itself") are fine; anything else is a bug.
            if (!isAppError(error) || error.code !== 'BAD_REQUEST') throw error
          }
        }
        syncAll(replicas)
        checkInvariants(replicas, ledger)
      }),
      { numRuns: 150 },
    )
  })
})
