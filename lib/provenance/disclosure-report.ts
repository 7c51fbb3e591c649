import { z } from 'zod'
import { provenanceCategories, provenanceOrigins } from './vocabulary'

// The AI-disclosure report as one versioned document: what the page shows, what the JSON export writes byte for
// byte, and what Markdown, PDF, MP4 metadata and the sidecar manifest are written from. Festivals may keep the JSON
// and read it years later, so the shape is a zod schema (its JSON Schema is snapshotted in the tests) and any change
// to it bumps `version`.

export const DISCLOSURE_SCHEMA_ID = 'https://storyreel.dev/schemas/ai-disclosure/v1'
export const DISCLOSURE_REPORT_VERSION = 1

const count = z.int().nonnegative()
const originCounts = z.strictObject(Object.fromEntries(provenanceOrigins.map((origin) => [origin, count])) as Record<(typeof provenanceOrigins)[number], typeof count>)

export const disclosureAnimatic = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('none').describe('The project has no rendered animatic version yet.') }),
  z.strictObject({
    status: z.literal('rendered'),
    reviewItemId: z.string(),
    reviewItemTitle: z.string(),
    versionNumber: z.int().positive(),
    /** Frame rate as a rational, e.g. "24000/1001". */
    frameRate: z.string().regex(/^\d+\/\d+$/),
    frames: count,
    seconds: z.number().nonnegative(),
    aiFrames: count,
    aiSeconds: z.number().nonnegative(),
    /**
     * "render": panel timing stored with the version when it was rendered. "board": the version predates stored
     * timing, so the current board's timing (clipped to the version's length) stands in.
     */
    timingFrom: z.enum(['render', 'board']),
  }),
])
export type DisclosureAnimatic = z.infer<typeof disclosureAnimatic>

export const disclosureEntry = z.strictObject({
  assetId: z.string(),
  assetName: z.string(),
  assetKind: z.string(),
  assetDeleted: z.boolean(),
  origin: z.enum(provenanceOrigins),
  category: z.enum(provenanceCategories),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  prompt: z.string().nullable(),
  negativePrompt: z.string().nullable(),
  seed: z.int().nonnegative().nullable(),
  parameters: z.record(z.string(), z.unknown()),
  parentAssetIds: z.array(z.string()),
  recordedBy: z.string().nullable().describe('Name of the member who made or brought in the asset, if still known.'),
  recordedAt: z.iso.datetime(),
})
export type DisclosureEntry = z.infer<typeof disclosureEntry>

export const disclosureReport = z.strictObject({
  $schema: z.literal(DISCLOSURE_SCHEMA_ID),
  version: z.literal(DISCLOSURE_REPORT_VERSION),
  generatedAt: z.iso.datetime(),
  generator: z.literal('Storyreel'),
  project: z.strictObject({ id: z.string(), name: z.string() }),
  summary: z.strictObject({
    panels: z.strictObject({ total: count, withAiImagery: count, withAiImageryIds: z.array(z.string()) }),
    animatic: disclosureAnimatic,
    assets: z.strictObject({ total: count, withAi: count }),
    models: z.array(z.strictObject({ provider: z.string(), model: z.string(), assets: count })),
    providers: z.array(z.strictObject({ provider: z.string(), assets: count })),
    byCategory: z.strictObject(Object.fromEntries(provenanceCategories.map((category) => [category, originCounts])) as Record<(typeof provenanceCategories)[number], typeof originCounts>),
  }),
  /** The whole ledger, oldest first: every row, so an asset worked over several times shows each step. */
  entries: z.array(disclosureEntry),
})
export type DisclosureReport = z.infer<typeof disclosureReport>

/** The JSON export: two-space indent and a final newline, so a saved report diffs cleanly. */
export function disclosureJson(report: DisclosureReport): string {
  return `${JSON.stringify(disclosureReport.parse(report), null, 2)}\n`
}
