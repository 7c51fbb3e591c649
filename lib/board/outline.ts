import type { EntityIndex } from './entity-index'
import { ROOT } from './layout'
import { labelShots } from './numbering'
import type { Panel, Scene, Shot } from './schema'

// The numbered, ordered view of the board that both the storyboard and the shot list render, plus the animatic
// timeline (panels back to back in outline order, each on screen for its durationFrames).
//
// Orphans — a shot whose scene is gone, a panel whose shot is gone — happen only when one person moves or adds
// something into a scene or shot that another person deletes at the same moment. They are kept in the document, left
// out of the outline, numbering and animatic, and listed by findOrphans() so the UI can offer a "Recovered" tray from
// which they are moved back or deleted with the ordinary operations. Nothing is re-parented automatically: a repair
// written by every replica at once would itself be a concurrent edit (two "Recovered" scenes, churn in everyone's
// undo history), while a rule that only reads converged state gives the same answer everywhere for free.

export interface BoardIndexes {
  scenes: EntityIndex<Scene>
  shots: EntityIndex<Shot>
  panels: EntityIndex<Panel>
}

export interface OutlinePanel {
  readonly panel: Panel
  /** 1-based position within its shot. */
  readonly index: number
  /** "Scene 2 · Shot 2D · panel 2" */
  readonly label: string
  /** First frame of this panel in the animatic; it is on screen for [startFrame, startFrame + durationFrames). */
  readonly startFrame: number
}

export interface OutlineShot {
  readonly shot: Shot
  /** "2D", or the custom label. */
  readonly number: string
  readonly customNumber: boolean
  /** "Scene 2 · Shot 2D" */
  readonly label: string
  readonly panels: readonly OutlinePanel[]
  readonly startFrame: number
  readonly durationFrames: number
}

export interface OutlineScene {
  readonly scene: Scene
  /** 1-based, in board order. */
  readonly number: number
  readonly shots: readonly OutlineShot[]
  readonly startFrame: number
  readonly durationFrames: number
}

export interface Outline {
  readonly scenes: readonly OutlineScene[]
  readonly totalDurationFrames: number
}

export interface PanelAtFrame {
  readonly panel: Panel
  readonly shot: Shot
  readonly scene: Scene
  readonly label: string
  readonly startFrame: number
  /** Exclusive. */
  readonly endFrame: number
}

export interface Orphans {
  /** Shots whose scene was deleted, each with its panels in order. */
  readonly shots: ReadonlyArray<{ readonly shot: Shot; readonly panels: readonly Panel[] }>
  /** Panels whose shot was deleted. */
  readonly panels: readonly Panel[]
}

/** The outline and its animatic timeline, built together in one pass. */
export interface OutlineView {
  readonly outline: Outline
  /** Panels that are on screen at some frame (durationFrames > 0), in time order. */
  readonly timeline: readonly PanelAtFrame[]
}

export function buildOutline(ix: BoardIndexes): OutlineView {
  const timeline: PanelAtFrame[] = []
  let frame = 0
  const scenes = ix.scenes.children(ROOT).map((scene, sceneIndex): OutlineScene => {
    const sceneNumber = sceneIndex + 1
    const sceneStart = frame
    const shotsInScene = ix.shots.children(scene.id)
    const labels = labelShots(sceneNumber, scene.id, shotsInScene)
    const shots = shotsInScene.map((shot, shotIndex): OutlineShot => {
      const { label: number, letters } = labels[shotIndex]!
      const shotLabel = `Scene ${sceneNumber} · Shot ${number}`
      const shotStart = frame
      const panels = ix.panels.children(shot.id).map((panel, panelIndex): OutlinePanel => {
        const label = `${shotLabel} · panel ${panelIndex + 1}`
        const startFrame = frame
        frame += panel.durationFrames
        if (panel.durationFrames > 0) timeline.push({ panel, shot, scene, label, startFrame, endFrame: frame })
        return { panel, index: panelIndex + 1, label, startFrame }
      })
      return { shot, number, customNumber: letters === null, label: shotLabel, panels, startFrame: shotStart, durationFrames: frame - shotStart }
    })
    return { scene, number: sceneNumber, shots, startFrame: sceneStart, durationFrames: frame - sceneStart }
  })
  return { outline: { scenes, totalDurationFrames: frame }, timeline }
}

/** The panel on screen at `frame` of the animatic, or null before 0 and from totalDurationFrames on. */
export function panelAt(timeline: readonly PanelAtFrame[], frame: number): PanelAtFrame | null {
  if (!Number.isFinite(frame) || frame < 0) return null
  let low = 0
  let high = timeline.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const entry = timeline[mid]!
    if (frame < entry.startFrame) high = mid - 1
    else if (frame >= entry.endFrame) low = mid + 1
    else return entry
  }
  return null
}

export function findOrphans(ix: BoardIndexes): Orphans {
  // Parents are visited in id order, not Map insertion order, so every replica lists orphans identically.
  const missingScenes = ix.shots.parentIds().filter((sceneId) => !ix.scenes.has(sceneId)).sort()
  const missingShots = ix.panels.parentIds().filter((shotId) => !ix.shots.has(shotId)).sort()
  return {
    shots: missingScenes.flatMap((sceneId) => ix.shots.children(sceneId).map((shot) => ({ shot, panels: ix.panels.children(shot.id) }))),
    panels: missingShots.flatMap((shotId) => ix.panels.children(shotId)),
  }
}
