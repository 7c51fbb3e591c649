import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { assets } from './assets'
import { users } from './auth'
import { docPanels } from './collab'
import { projects } from './projects'
import { workspaces } from './workspaces'

/** What a finished generation made, as the panel editor shows it. */
export interface BackgroundGenerationResult {
  images: { assetId: string; width: number; height: number; seed: number | null }[]
  provider: string
  model: string
  offline: boolean
  generatorLabel: string
  warnings: string[]
}

// One "Generate background" request for a panel. The queue keeps no job results, so the variations a job made are
// written here for the editor to read; the row also scopes the job id to a project (a status or cancel call from a
// client names a generation, never a bare job id) and remembers which variation was placed on the panel.
export const backgroundGenerations = pgTable(
  'background_generations',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    // Denormalised like assets, so every read is scoped to the caller's workspace and project in one condition.
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    panelId: text('panel_id').notNull().references(() => docPanels.panelId, { onDelete: 'cascade' }),
    requestedBy: text('requested_by').references(() => users.id, { onDelete: 'set null' }),
    // The validated request (prompt, style preset, negative prompt, seed, variations), as the job will send it.
    request: jsonb('request').$type<Record<string, unknown>>().notNull(),
    // Set right after the job is queued; null only for a moment, or if queueing failed (the row is then removed).
    jobId: uuid('job_id'),
    result: jsonb('result').$type<BackgroundGenerationResult>(),
    chosenAssetId: text('chosen_asset_id').references(() => assets.id, { onDelete: 'set null' }),
    chosenAt: timestamp('chosen_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('background_generations_panel_idx').on(t.projectId, t.panelId, t.createdAt)],
)

export type BackgroundGenerationRow = typeof backgroundGenerations.$inferSelect
