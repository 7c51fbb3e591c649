import { describe, expect, it } from 'vitest'
import { createReplica } from '@/lib/board/test-support'
import { FIRST_PANELS, nextStep, scenesWithin } from './use-progressive-scenes'

/** A board whose scenes hold these numbers of panels (one shot each). */
function outlineOf(panelsPerScene: number[]) {
  const { board } = createReplica('ana')
  for (const count of panelsPerScene) {
    const shotId = board.insertShot({ sceneId: board.insertScene() })
    for (let i = 0; i < count; i++) board.insertPanel({ shotId })
  }
  return board.outline().scenes
}

describe('drawing a big board in steps', () => {
  it('draws a small board whole in the first step', () => {
    const scenes = outlineOf([3, 4, 5])
    expect(scenesWithin(scenes, 0, FIRST_PANELS)).toBe(3)
  })

  it('draws a first screenful of a big board, then at least doubles what is drawn each step until all is there', () => {
    const scenes = outlineOf(Array.from({ length: 40 }, () => 12))
    const first = scenesWithin(scenes, 0, FIRST_PANELS)
    expect(first).toBe(4) // 48 panels
    const steps = [first]
    while (steps.at(-1)! < scenes.length) steps.push(nextStep(scenes, steps.at(-1)!))
    expect(steps).toEqual([4, 8, 16, 32, 40])
  })

  it('always takes at least one scene, however many panels it holds', () => {
    const scenes = outlineOf([200, 1])
    expect(scenesWithin(scenes, 0, FIRST_PANELS)).toBe(1)
    expect(nextStep(scenes, 1)).toBe(2)
  })
})
