import type * as Y from 'yjs'
import { BOARD_SCHEMA_VERSION, boardMaps, storedSchemaVersion, type BoardMaps } from './layout'

// The migration hook. Whoever loads a board document first — the collaboration server, once the stored state is in,
// and never before (an empty document must not be "migrated" over real data) — calls migrateBoard. Each step runs in
// its own transaction and ends by writing its version, so a crash between steps resumes where it stopped.
//
// Steps must be idempotent: two replicas can migrate the same document concurrently, and since schemaVersion is one
// last-writer-wins value, a step may run again on a document it already changed.

export interface BoardMigration {
  /** The schema version this step produces; steps run in ascending order. */
  version: number
  description: string
  up(maps: BoardMaps): void
}

export const boardMigrations: readonly BoardMigration[] = [
  {
    version: 1,
    description: 'Initial layout: scenes, shots and panels maps, fractional order keys, meta.schemaVersion.',
    up: () => {},
  },
]

export interface MigrationResult {
  from: number
  to: number
  applied: number[]
}

export const MIGRATION_ORIGIN = 'storyreel:board-migration'

export function migrateBoard(doc: Y.Doc, migrations: readonly BoardMigration[] = boardMigrations): MigrationResult {
  const maps = boardMaps(doc)
  const from = storedSchemaVersion(maps)
  const applied: number[] = []
  for (const step of [...migrations].sort((a, b) => a.version - b.version)) {
    if (step.version <= storedSchemaVersion(maps)) continue
    doc.transact(() => {
      step.up(maps)
      maps.meta.set('schemaVersion', step.version)
    }, MIGRATION_ORIGIN)
    applied.push(step.version)
  }
  return { from, to: storedSchemaVersion(maps), applied }
}

/** True when this code can edit the document; a newer document is read-only here (board-context.ts refuses writes). */
export function canEditBoard(doc: Y.Doc): boolean {
  return storedSchemaVersion(boardMaps(doc)) <= BOARD_SCHEMA_VERSION
}
