import type { BoardContext } from './board-context'
import { ROOT } from './layout'
import { findOrphans, panelAt, type Orphans, type Outline, type PanelAtFrame } from './outline'
import type { Panel, Scene, Shot } from './schema'
import { missing } from './validation'

// Typed, plain-object reads. Everything returned is frozen and shared with the board's caches; it stays valid (as a
// snapshot) after later edits, and a fresh call returns fresh data.

export interface BoardReads {
  listScenes(): readonly Scene[]
  /** The shots of one scene in order; without a scene, every shot of the outline in outline order. */
  listShots(sceneId?: string): readonly Shot[]
  /** The panels of one shot in order; without a shot, every panel of the outline in outline order. */
  listPanels(shotId?: string): readonly Panel[]
  /** Throws NOT_FOUND when the entity is not in the document. Orphans are found too. */
  getScene(id: string): Scene
  getShot(id: string): Shot
  getPanel(id: string): Panel
  /** Scenes → shots → panels in order, numbered. Cached: the same object until the board changes. */
  outline(): Outline
  totalDurationFrames(): number
  /** The panel on screen at a frame of the animatic (panels back to back in outline order), or null. */
  panelAtFrame(frame: number): PanelAtFrame | null
  /** Shots and panels whose parent was deleted by someone else while they were being moved or added there. */
  listOrphans(): Orphans
}

export function createReads(ctx: BoardContext): BoardReads {
  const { ix } = ctx
  return {
    listScenes: () => ix.scenes.children(ROOT),
    listShots: (sceneId) =>
      sceneId === undefined
        ? ctx.view().outline.scenes.flatMap((scene) => scene.shots.map((entry) => entry.shot))
        : ix.scenes.has(sceneId) // a deleted scene's leftovers are orphans, listed by listOrphans() only
          ? ix.shots.children(sceneId)
          : [],
    listPanels: (shotId) =>
      shotId === undefined
        ? ctx.view().outline.scenes.flatMap((scene) => scene.shots.flatMap((shot) => shot.panels.map((entry) => entry.panel)))
        : ix.shots.has(shotId)
          ? ix.panels.children(shotId)
          : [],
    getScene(id) {
      const scene = ix.scenes.get(id)
      if (!scene) throw missing('scene', id)
      return scene
    },
    getShot(id) {
      const shot = ix.shots.get(id)
      if (!shot) throw missing('shot', id)
      return shot
    },
    getPanel(id) {
      const panel = ix.panels.get(id)
      if (!panel) throw missing('panel', id)
      return panel
    },
    outline: () => ctx.view().outline,
    totalDurationFrames: () => ctx.view().outline.totalDurationFrames,
    panelAtFrame: (frame) => panelAt(ctx.view().timeline, frame),
    listOrphans: () => findOrphans(ix),
  }
}
