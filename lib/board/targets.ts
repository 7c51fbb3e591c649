import type { BoardContext } from './board-context'
import type { EntityIndex } from './entity-index'
import { planInsert, type InsertPlan, type Ordered } from './order'
import { ROOT } from './layout'
import { badRequest, missing } from './validation'

// Where an insert, duplicate or move puts something: at an index of a parent (the end when no index is given), or
// right after / before a sibling. Moves leave the moved item out of the sibling list first, so "index 2" means the
// position the item will have once it is there.

export type SceneTarget = { index?: number } | { after: string } | { before: string }
export type ShotTarget = { sceneId: string; index?: number } | { after: string } | { before: string }
export type PanelTarget = { shotId: string; index?: number } | { after: string } | { before: string }

export interface Placement {
  parentId: string
  /** The position among the siblings (the moved item left out). */
  index: number
  plan: InsertPlan
}

type Kind = 'scene' | 'shot' | 'panel'

interface Level {
  kind: Kind
  entities: EntityIndex<Ordered>
  parentExists: (parentId: string) => boolean
  parentKind: Kind | null
}

function place(level: Level, target: object, parentId: string | undefined, movingId?: string): Placement {
  const anchorId = 'after' in target ? target.after : 'before' in target ? target.before : undefined
  if (typeof anchorId === 'string') {
    if (anchorId === movingId) throw badRequest(`A ${level.kind} cannot be placed next to itself.`)
    const anchor = level.entities.placement(anchorId)
    if (!anchor) throw missing(level.kind, anchorId)
    parentId = anchor.parent
  }
  if (parentId === undefined) throw badRequest(`Say where the ${level.kind} goes.`)
  if (!level.parentExists(parentId)) throw missing(level.parentKind ?? level.kind, parentId)

  const siblings = level.entities.placements(parentId).filter((sibling) => sibling.id !== movingId)
  let index: number
  if (typeof anchorId === 'string') {
    index = siblings.findIndex((sibling) => sibling.id === anchorId) + ('after' in target ? 1 : 0)
  } else {
    const requested = 'index' in target ? target.index : undefined
    if (requested !== undefined && (typeof requested !== 'number' || !Number.isInteger(requested) || requested < 0)) {
      throw badRequest(`The position of a ${level.kind} must be a whole number from 0.`)
    }
    index = Math.min(requested ?? siblings.length, siblings.length)
  }
  return { parentId, index, plan: planInsert(siblings, index) }
}

export function createPlacer(ctx: BoardContext) {
  const { ix } = ctx
  const scenes: Level = { kind: 'scene', entities: ix.scenes, parentExists: () => true, parentKind: null }
  const shots: Level = { kind: 'shot', entities: ix.shots, parentExists: (id) => ix.scenes.has(id), parentKind: 'scene' }
  const panels: Level = {
    kind: 'panel',
    entities: ix.panels,
    // A shot whose scene is gone is an orphan: putting a panel there would hide it, so it counts as missing.
    parentExists: (id) => ix.scenes.has(ix.shots.placement(id)?.parent ?? ROOT),
    parentKind: 'shot',
  }
  return {
    scene: (target: SceneTarget, movingId?: string) => place(scenes, target, ROOT, movingId),
    shot: (target: ShotTarget, movingId?: string) => place(shots, target, 'sceneId' in target ? target.sceneId : undefined, movingId),
    panel: (target: PanelTarget, movingId?: string) => place(panels, target, 'shotId' in target ? target.shotId : undefined, movingId),
  }
}

export type Placer = ReturnType<typeof createPlacer>
