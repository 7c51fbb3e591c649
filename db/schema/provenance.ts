import { sql } from 'drizzle-orm'
import { bigint, check, index, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { provenanceCategories, provenanceOrigins } from '../../lib/provenance/vocabulary'
import { assets } from './assets'
import { users } from './auth'
import { projects } from './projects'
import { workspaces } from './workspaces'

export const provenanceOriginEnum = pgEnum('provenance_origin', provenanceOrigins)
export const provenanceCategoryEnum = pgEnum('provenance_category', provenanceCategories)

// Who or what made an asset: the ledger an AI-disclosure report is built from. Rows are only ever added (an asset
// that changes hands or is worked over gets a new row, with its parents), so the history stays honest.
export const provenance = pgTable(
  'provenance',
  {
    id: text('id').primaryKey().$defaultFn(() => crypto.randomUUID()),
    assetId: text('asset_id').notNull().references(() => assets.id, { onDelete: 'cascade' }),
    // Denormalised like assets, so every read is scoped to the caller's workspace and project in one condition.
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    origin: provenanceOriginEnum('origin').notNull(),
    category: provenanceCategoryEnum('category').notNull(),
    // 'openai', 'fal', 'offline'…, and the model id as the provider names it; null for people and imports.
    provider: text('provider'),
    model: text('model'),
    prompt: text('prompt'),
    negativePrompt: text('negative_prompt'),
    // bigint: providers take seeds up to 2^32 and beyond, past integer's signed range.
    seed: bigint('seed', { mode: 'number' }),
    // Everything else that shaped the output (size, style preset, the offline flag, provider warnings).
    parameters: jsonb('parameters').$type<Record<string, unknown>>().notNull().default({}),
    // Assets this one was made from (the generated background a person drew over); same project only.
    parentAssetIds: text('parent_asset_ids').array().notNull().default(sql`'{}'::text[]`),
    actorUserId: text('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('provenance_project_idx').on(t.projectId, t.createdAt),
    index('provenance_asset_idx').on(t.assetId, t.createdAt),
    check('provenance_ai_model_check', sql`${t.origin} <> 'ai_generated' OR (${t.provider} IS NOT NULL AND ${t.model} IS NOT NULL)`),
    check('provenance_seed_check', sql`${t.seed} IS NULL OR ${t.seed} >= 0`),
  ],
)

export type ProvenanceRow = typeof provenance.$inferSelect
