// The benchmark's animatic, shared by the runner and the worker process that renders it our way: N panels of S
// seconds at 24 fps, the camera moves taking turns, a half-second dissolve into every panel after the first.
import type { AnimaticPanelInput } from '../../lib/animatic'
import type { CameraMove } from '../../lib/board'

export const fps = 24
export const dissolveFrames = 12
export const moves: CameraMove[] = [{ kind: 'pan' }, { kind: 'zoom-in' }, { kind: 'tilt' }, { kind: 'push' }, { kind: 'zoom-out' }, { kind: 'dolly' }]

export interface Scenario {
  panels: number
  secondsPerPanel: number
  width: number
  height: number
  preset: 'ultrafast' | 'superfast' | 'veryfast'
  crf: number
  /** Burnt-in caption, label and timecode (the filtergraph side has none, so the fair comparison is without). */
  overlays: boolean
  pictures: string[]
  output: string
}

export function scenarioPanels(scenario: Scenario): AnimaticPanelInput[] {
  return Array.from({ length: scenario.panels }, (_, i) => ({
    id: `p${i}`,
    durationFrames: scenario.secondsPerPanel * fps,
    cameraMove: moves[i % moves.length]!,
    transitionIn: i === 0 ? { kind: 'cut' } : { kind: 'dissolve', durationFrames: dissolveFrames },
    image: scenario.pictures[i % scenario.pictures.length]!,
    dialogue: i % 2 ? 'Keep the engine running. I will not be long.' : '',
    numbers: { scene: 1 + Math.floor(i / 10), shot: `${1 + Math.floor(i / 10)}A`, panel: 1 + (i % 10) },
  }))
}
