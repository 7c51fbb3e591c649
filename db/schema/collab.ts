import { bigint, bigserial, customType, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { projects } from './projects'

// pg returns Buffer and PGlite Uint8Array for bytea; both are Uint8Array, which is all Yjs needs.
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBuffer)),
})

// Append-only log of Yjs updates, folded into collab_snapshots by compaction.
export const collabUpdates = pgTable(
  'collab_updates',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    docId: text('doc_id').notNull(),
    update: bytea('update').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('collab_updates_doc_idx').on(t.docId, t.seq)],
)

export const collabSnapshots = pgTable('collab_snapshots', {
  docId: text('doc_id').primaryKey(),
  state: bytea('state').notNull(),
  // Highest collab_updates.seq folded into this snapshot.
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  bytes: integer('bytes').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

// Which project a panel belongs to, learned by the collab server from each board:<projectId> document it stores.
// panel:<panelId> documents are authorised through this row; the first board to name a panel owns it.
export const docPanels = pgTable('doc_panels', {
  panelId: text('panel_id').primaryKey(),
  projectId: text('project_id')
    .notNull()
    .references(() => projects.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})
