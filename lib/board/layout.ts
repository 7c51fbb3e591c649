import type * as Y from 'yjs'

// The board document's layout. It is fixed: the collaboration server reads the `panels` map to learn which panels a
// project owns. Each entity is a Y.Map of plain fields under its id, so concurrent edits of different fields of one
// shot merge, and a move is a write to the moved entity alone (never a delete + insert that could duplicate it).
//
//   scenes: id → { heading, notes, order }
//   shots:  id → { sceneId, order, number, size, angle, …, numberLock }
//   panels: id → { shotId, order, durationFrames, action, …, backgroundAssetId }
//   meta:   schemaVersion (and later board-level settings)

/** The parent id of scenes: the board itself. */
export const ROOT = ''

/** The layout version this code reads and writes; migrations.ts brings older documents up to it. */
export const BOARD_SCHEMA_VERSION = 1

export type EntityMap = Y.Map<Y.Map<unknown>>

export interface BoardMaps {
  doc: Y.Doc
  scenes: EntityMap
  shots: EntityMap
  panels: EntityMap
  meta: Y.Map<unknown>
}

export function boardMaps(doc: Y.Doc): BoardMaps {
  return {
    doc,
    scenes: doc.getMap('scenes'),
    shots: doc.getMap('shots'),
    panels: doc.getMap('panels'),
    meta: doc.getMap('meta'),
  }
}

/** The Yjs document name of a project's board. */
export function boardDocId(projectId: string): string {
  return `board:${projectId}`
}

/** The schema version stored in the document; 0 for a document no migration has touched yet. */
export function storedSchemaVersion(maps: BoardMaps): number {
  const version = maps.meta.get('schemaVersion')
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0
}
