import type { Board } from '@/lib/board'

export type DragKind = 'shot' | 'panel'

/** What each draggable shot or panel carries, plus what @dnd-kit/sortable adds (its container and index). */
export interface DragData {
  kind: DragKind
  id: string
  parentId: string
  /** "shot 2B", "panel 3 of shot 2B": what screen readers hear during a drag. */
  label: string
  sortable?: { containerId: string; index: number }
}

/**
 * The lib/board move for a drop of `active` onto `over`. Within one shot or scene the item takes the index of the
 * item it was dropped on (what the sortable animation showed); into another one it goes before that item.
 */
export function moveForDrop(board: Board, active: DragData, over: DragData) {
  if (active.kind !== over.kind || active.id === over.id) return
  const sameParent = active.parentId === over.parentId
  const index = over.sortable?.index
  if (active.kind === 'shot') {
    board.moveShot(active.id, sameParent && index !== undefined ? { sceneId: over.parentId, index } : { before: over.id })
  } else {
    board.movePanel(active.id, sameParent && index !== undefined ? { shotId: over.parentId, index } : { before: over.id })
  }
}
