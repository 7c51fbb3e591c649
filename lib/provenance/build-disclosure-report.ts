import { animaticAiFrames, framesToSeconds, type AnimaticPanelSpan } from './animatic-ai-frames'
import { buildDisclosureSummary, type LedgerEntry, type PanelAssets } from './build-disclosure-summary'
import { DISCLOSURE_REPORT_VERSION, DISCLOSURE_SCHEMA_ID, type DisclosureAnimatic, type DisclosureEntry, type DisclosureReport } from './disclosure-report'

// Puts the ledger, the board's panels and the latest animatic version together into the report. Pure: the service
// reads, this decides, so the counts can be tested without a database.

export interface LedgerRow extends LedgerEntry {
  assetName: string
  assetKind: string
  assetDeleted: boolean
  prompt: string | null
  negativePrompt: string | null
  seed: number | null
  parameters: Record<string, unknown>
  actorName: string | null
  createdAt: Date
}

export interface LatestAnimatic {
  reviewItemId: string
  title: string
  versionNumber: number
  versionAssetId: string
  rate: { numerator: number; denominator: number }
  frameCount: number
  spans: readonly AnimaticPanelSpan[]
  timingFrom: 'render' | 'board'
}

export function buildDisclosureReport(input: {
  project: { id: string; name: string }
  panels: readonly PanelAssets[]
  entries: readonly LedgerRow[]
  animatic: LatestAnimatic | null
  generatedAt: Date
}): DisclosureReport {
  const summary = buildDisclosureSummary({ panels: input.panels, entries: input.entries })
  return {
    $schema: DISCLOSURE_SCHEMA_ID,
    version: DISCLOSURE_REPORT_VERSION,
    generatedAt: input.generatedAt.toISOString(),
    generator: 'Storyreel',
    project: { id: input.project.id, name: input.project.name },
    summary: { ...summary, animatic: animaticPart(input.animatic, new Set(summary.panels.withAiImageryIds), input.entries) },
    entries: input.entries.map(entryPart),
  }
}

function animaticPart(animatic: LatestAnimatic | null, aiPanelIds: ReadonlySet<string>, entries: readonly LedgerEntry[]): DisclosureAnimatic {
  if (!animatic) return { status: 'none' }
  // Every frame is AI when the video itself was generated (AI animatic mode). A stills render made from generated
  // pictures (recorded as ai_assisted, with them as parents) is AI only where those panels are on screen.
  const versionRows = entries.filter((entry) => entry.assetId === animatic.versionAssetId)
  const latest = versionRows.reduce<LedgerEntry | null>((newest, entry) => (!newest || new Date(entry.createdAt) >= new Date(newest.createdAt) ? entry : newest), null)
  const wholeVersionIsAi = latest?.origin === 'ai_generated'
  const aiFrames = animaticAiFrames({ spans: animatic.spans, aiPanelIds, frameCount: animatic.frameCount, wholeVersionIsAi })
  return {
    status: 'rendered',
    reviewItemId: animatic.reviewItemId,
    reviewItemTitle: animatic.title,
    versionNumber: animatic.versionNumber,
    frameRate: `${animatic.rate.numerator}/${animatic.rate.denominator}`,
    frames: animatic.frameCount,
    seconds: framesToSeconds(animatic.frameCount, animatic.rate),
    aiFrames,
    aiSeconds: framesToSeconds(aiFrames, animatic.rate),
    timingFrom: animatic.timingFrom,
  }
}

function entryPart(row: LedgerRow): DisclosureEntry {
  return {
    assetId: row.assetId,
    assetName: row.assetName,
    assetKind: row.assetKind,
    assetDeleted: row.assetDeleted,
    origin: row.origin,
    category: row.category,
    provider: row.provider,
    model: row.model,
    prompt: row.prompt,
    negativePrompt: row.negativePrompt,
    seed: row.seed,
    parameters: row.parameters,
    parentAssetIds: [...row.parentAssetIds],
    recordedBy: row.actorName,
    recordedAt: row.createdAt.toISOString(),
  }
}
