import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { users } from './auth'
import { bytea } from './collab'
import { projects } from './projects'

// A named version of a project's board: the board document's full Yjs state, plus one row per panel drawing
// (panel:<id> documents) it named at the time. Restoring one writes the difference as a new change (see
// server/services/boards/restore-snapshot.ts), so these rows are never replayed into the live log directly.
export const boardSnapshots = pgTable(
  'board_snapshots',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    boardState: bytea('board_state').notNull(),
    // Counts as the outline showed them when saved, for the list without decoding every state.
    sceneCount: integer('scene_count').notNull(),
    shotCount: integer('shot_count').notNull(),
    panelCount: integer('panel_count').notNull(),
    // Board state plus every panel state, for showing what a version costs.
    bytes: integer('bytes').notNull(),
  },
  (t) => [index('board_snapshots_project_idx').on(t.projectId, t.createdAt)],
)

// A panel drawing as it was when its snapshot was saved. A child table rather than jsonb: states are binary.
export const boardSnapshotPanels = pgTable(
  'board_snapshot_panels',
  {
    snapshotId: text('snapshot_id').notNull().references(() => boardSnapshots.id, { onDelete: 'cascade' }),
    panelId: text('panel_id').notNull(),
    state: bytea('state').notNull(),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.panelId] })],
)

export type BoardSnapshotRow = typeof boardSnapshots.$inferSelect
