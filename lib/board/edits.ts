import type { BoardContext } from './board-context'
import { entityMap, writeChangedFields, writePlacement } from './entity-writes'
import type { EntityIndex } from './entity-index'
import type { EntityMap } from './layout'
import { labelShots } from './numbering'
import type { Ordered } from './order'
import { patchParsersFor } from './parse-patch'
import type { PanelPatch, ScenePatch, ShotPatch } from './schema'
import type { PanelTarget, Placement, Placer, SceneTarget, ShotTarget } from './targets'
import { missing } from './validation'

export interface BoardEdits {
  /** Moves keep the entity's id and fields and rewrite only its parent and order key, so they never duplicate. */
  moveScene(sceneId: string, target: SceneTarget): void
  moveShot(shotId: string, target: ShotTarget): void
  movePanel(panelId: string, target: PanelTarget): void
  /** Partial updates; every field is validated and unknown fields are rejected before anything is written. */
  updateScene(sceneId: string, patch: ScenePatch): void
  updateShot(shotId: string, patch: ShotPatch): void
  updatePanel(panelId: string, patch: PanelPatch): void
  /** Re-letters every scene's automatic shot numbers in board order and locks them (numbering.ts); custom labels stay. */
  renumber(): void
}

type Kind = 'scene' | 'shot' | 'panel'

export function createEdits(ctx: BoardContext, placer: Placer): BoardEdits {
  const { maps, ix } = ctx
  const patches = patchParsersFor(ctx.frameRate)

  function move(kind: Kind, entities: EntityIndex<Ordered>, map: EntityMap, parentField: string | null, id: string, place: () => Placement) {
    const current = entities.placement(id)
    const entity = entityMap(map, id)
    if (!current || !entity) throw missing(kind, id)
    const target = place()
    // A drop onto the place the item already occupies writes nothing (and leaves no undo step).
    const currentIndex = entities.placements(current.parent).findIndex((sibling) => sibling.id === id)
    if (target.parentId === current.parent && target.index === currentIndex) return
    ctx.transact(() => writePlacement(map, entity, parentField, target))
  }

  function update(kind: Kind, map: EntityMap, id: string, patch: object) {
    const entity = entityMap(map, id)
    if (!entity) throw missing(kind, id)
    ctx.transact(() => writeChangedFields(entity, patch))
  }

  return {
    moveScene: (id, target) => move('scene', ix.scenes, maps.scenes, null, id, () => placer.scene(target, id)),
    moveShot: (id, target) => move('shot', ix.shots, maps.shots, 'sceneId', id, () => placer.shot(target, id)),
    movePanel: (id, target) => move('panel', ix.panels, maps.panels, 'shotId', id, () => placer.panel(target, id)),

    updateScene: (sceneId, patch) => update('scene', maps.scenes, sceneId, patches.scene(patch)),
    updateShot: (shotId, patch) => update('shot', maps.shots, shotId, patches.shot(patch)),
    updatePanel: (panelId, patch) => update('panel', maps.panels, panelId, patches.panel(patch)),

    renumber() {
      const writes: Array<{ shotId: string; lock: { sceneId: string; letters: string } | null }> = []
      for (const { scene, number, shots } of ctx.view().outline.scenes) {
        const fresh = labelShots(number, scene.id, shots.map((entry) => entry.shot), false)
        shots.forEach(({ shot }, i) => {
          const letters = fresh[i]!.letters
          const lock = letters === null ? null : { sceneId: scene.id, letters }
          if (JSON.stringify(lock) !== JSON.stringify(shot.numberLock)) writes.push({ shotId: shot.id, lock })
        })
      }
      if (writes.length === 0) return
      ctx.transact(() => {
        for (const { shotId, lock } of writes) entityMap(maps.shots, shotId)?.set('numberLock', lock)
      })
    },
  }
}
