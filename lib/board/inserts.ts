import type { BoardContext } from './board-context'
import { insertCopy, insertEntity } from './entity-writes'
import {
  panelDefaults,
  sceneDefaults,
  shotDefaults,
  type Panel,
  type PanelPatch,
  type ScenePatch,
  type Shot,
  type ShotPatch,
} from './schema'
import type { PanelTarget, Placer, SceneTarget, ShotTarget } from './targets'
import { patchParsersFor } from './parse-patch'
import { missing } from './validation'

export interface DuplicatedShot {
  shotId: string
  /** Old panel id → new panel id, so the caller can copy each panel's drawing document (panel:<id>) too. */
  panelIds: Record<string, string>
}

export interface BoardInserts {
  /** Each returns the new id. Fields not given take their defaults; the target defaults to the end. */
  insertScene(target?: SceneTarget, fields?: ScenePatch): string
  insertShot(target: ShotTarget, fields?: ShotPatch): string
  insertPanel(target: PanelTarget, fields?: PanelPatch): string
  /** A copy of the shot and its panels, right after it. The copy is numbered automatically. */
  duplicateShot(shotId: string): DuplicatedShot
  /** A copy of the panel right after it; returns the new id. Its drawing document is the caller's to copy. */
  duplicatePanel(panelId: string): string
}

/** The fields of a decoded entity without its identity and placement: what a copy carries over. */
function copyableShotFields({ id: _id, order: _order, sceneId: _sceneId, numberLock: _lock, ...fields }: Shot) {
  return fields
}
function copyablePanelFields({ id: _id, order: _order, shotId: _shotId, ...fields }: Panel) {
  return fields
}

export function createInserts(ctx: BoardContext, placer: Placer): BoardInserts {
  const { maps, ix } = ctx
  const patches = patchParsersFor(ctx.frameRate)
  const defaultPanel = panelDefaults(ctx.frameRate)

  return {
    insertScene(target = {}, fields = {}) {
      const patch = patches.scene(fields)
      const placement = placer.scene(target)
      const id = ctx.newId()
      ctx.transact(() => insertEntity(maps.scenes, id, { ...sceneDefaults, ...patch }, null, placement))
      return id
    },

    insertShot(target, fields = {}) {
      const patch = patches.shot(fields)
      const placement = placer.shot(target)
      const id = ctx.newId()
      ctx.transact(() => insertEntity(maps.shots, id, { ...shotDefaults, ...patch, numberLock: null }, 'sceneId', placement))
      return id
    },

    insertPanel(target, fields = {}) {
      const patch = patches.panel(fields)
      const placement = placer.panel(target)
      const id = ctx.newId()
      ctx.transact(() => insertEntity(maps.panels, id, { ...defaultPanel, ...patch }, 'shotId', placement))
      return id
    },

    duplicateShot(shotId) {
      const source = ix.shots.get(shotId)
      if (!source) throw missing('shot', shotId)
      const placement = placer.shot({ after: shotId })
      const panels = ix.panels.children(shotId)
      const copy: DuplicatedShot = { shotId: ctx.newId(), panelIds: {} }
      for (const panel of panels) copy.panelIds[panel.id] = ctx.newId()
      ctx.transact(() => {
        // A copied custom label would show two shots with one number; the copy is numbered automatically instead.
        const fields = { ...copyableShotFields(source), number: { kind: 'auto' }, numberLock: null }
        insertEntity(maps.shots, copy.shotId, fields, 'sceneId', placement)
        // The copies keep their order keys: they are only compared with each other, under the new shot.
        for (const panel of panels) {
          const fields = { ...copyablePanelFields(panel), shotId: copy.shotId, order: panel.order }
          insertCopy(maps.panels, copy.panelIds[panel.id]!, fields)
        }
      })
      return copy
    },

    duplicatePanel(panelId) {
      const source = ix.panels.get(panelId)
      if (!source) throw missing('panel', panelId)
      const placement = placer.panel({ after: panelId })
      const id = ctx.newId()
      ctx.transact(() => insertEntity(maps.panels, id, copyablePanelFields(source), 'shotId', placement))
      return id
    },
  }
}
