import { describe, expect, it } from 'vitest'
import { reverseFrame, shuttle, stoppedShuttle, type ShuttleInput, type ShuttleState } from './shuttle'

function run(inputs: ShuttleInput['type'][], from: ShuttleState = stoppedShuttle) {
  const steps: number[] = []
  let state = from
  for (const type of inputs) {
    const result = shuttle(state, { type } as ShuttleInput)
    state = result.state
    if (result.step) steps.push(result.step)
  }
  return { state, steps }
}

describe('shuttle', () => {
  it('L repeatedly plays forward at 1×, 2×, 4×, 8× and stays at 8×', () => {
    const speeds = [1, 2, 3, 4, 5].map((presses) => run(Array(presses).fill('l')).state.speed)
    expect(speeds).toEqual([1, 2, 4, 8, 8])
  })

  it('J does the same in reverse', () => {
    const speeds = [1, 2, 3, 4, 5].map((presses) => run(Array(presses).fill('j')).state.speed)
    expect(speeds).toEqual([-1, -2, -4, -8, -8])
  })

  it('turns round at 1× when the other direction is pressed', () => {
    expect(run(['l', 'l', 'l', 'j']).state.speed).toBe(-1)
    expect(run(['j', 'j', 'l']).state.speed).toBe(1)
  })

  it('K stops, and J or L while K is held step one frame without playing', () => {
    const held = run(['l', 'l', 'k-down', 'l', 'l', 'j'])
    expect(held.state).toEqual({ speed: 0, kHeld: true })
    expect(held.steps).toEqual([1, 1, -1])
    const released = run(['k-down', 'k-up', 'l'])
    expect(released.state.speed).toBe(1)
    expect(released.steps).toEqual([])
  })

  it('losing focus lets go of K, so L plays again afterwards', () => {
    expect(run(['k-down', 'blur', 'l']).state.speed).toBe(1)
  })

  it('space toggles between stopped and 1×, and stops any shuttle speed', () => {
    expect(run(['toggle']).state.speed).toBe(1)
    expect(run(['toggle', 'toggle']).state.speed).toBe(0)
    expect(run(['j', 'j', 'toggle']).state.speed).toBe(0)
  })

  it('follows the video when something else starts, stops or changes its rate, and speeds up from there', () => {
    const fromMenu = shuttle(stoppedShuttle, { type: 'external', speed: 0.5 }).state
    expect(fromMenu.speed).toBe(0.5)
    expect(shuttle(fromMenu, { type: 'l' }).state.speed).toBe(1)
    expect(shuttle({ speed: 2, kHeld: false }, { type: 'l' }).state.speed).toBe(4)
  })
})

describe('reverseFrame', () => {
  it('goes back at the shuttle speed in wall-clock time', () => {
    expect(reverseFrame(100, -1, 0, 25)).toBe(100)
    expect(reverseFrame(100, -1, 1000, 25)).toBe(75)
    expect(reverseFrame(100, -4, 500, 25)).toBe(50)
    expect(reverseFrame(100, -8, 1000, 24000 / 1001)).toBe(100 - 191)
    // 39 ms at 25 fps is still inside the first frame of travel.
    expect(reverseFrame(100, -1, 39, 25)).toBe(100)
  })
})
