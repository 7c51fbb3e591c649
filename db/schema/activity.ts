import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { users } from './auth'
import { workspaces } from './workspaces'
import { projects } from './projects'

export const activity = pgTable(
  'activity',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: text('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    // e.g. project.created, member.invited, member.joined, member.role_changed, member.removed
    kind: text('kind').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('activity_workspace_idx').on(t.workspaceId, t.createdAt), index('activity_project_idx').on(t.projectId, t.createdAt)],
)
