import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { users } from './auth'
import { workspaces } from './workspaces'

export const projects = pgTable(
  'projects',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    // Frame rate as a rational (24000/1001 for 23.976) so timecode math never drifts.
    fpsNumerator: integer('fps_numerator').notNull(),
    fpsDenominator: integer('fps_denominator').notNull(),
    dropFrame: boolean('drop_frame').notNull().default(false),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    startTimecode: text('start_timecode').notNull().default('01:00:00:00'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('projects_workspace_idx').on(t.workspaceId)],
)
