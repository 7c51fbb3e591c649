import { isAiOrigin, provenanceCategories, provenanceOrigins, type ProvenanceCategory, type ProvenanceOrigin } from './vocabulary'

// The numbers an AI-disclosure report leads with, computed from the ledger and the board's panels. Pure, so the page,
// the JSON/Markdown/PDF exports and the MP4 metadata all say exactly the same thing.

export interface LedgerEntry {
  assetId: string
  origin: ProvenanceOrigin
  category: ProvenanceCategory
  provider: string | null
  model: string | null
  parentAssetIds: readonly string[]
  createdAt: Date | string
}

/** A panel and every asset that shows in it: its rendered image, a generated background layer, placed images. */
export interface PanelAssets {
  id: string
  assetIds: readonly string[]
}

export interface ModelUse {
  provider: string
  model: string
  /** Distinct assets this model made or helped make. */
  assets: number
}

export interface DisclosureSummary {
  panels: {
    total: number
    withAiImagery: number
    /** In board order, so a report can name them. */
    withAiImageryIds: string[]
  }
  assets: { total: number; withAi: number }
  models: ModelUse[]
  providers: { provider: string; assets: number }[]
  /** Assets per category and origin (each asset counted once, by its latest ledger row). */
  byCategory: Record<ProvenanceCategory, Record<ProvenanceOrigin, number>>
}

export function buildDisclosureSummary(input: { panels: readonly PanelAssets[]; entries: readonly LedgerEntry[] }): DisclosureSummary {
  const latest = latestEntryPerAsset(input.entries)
  const aiMemo = new Map<string, boolean>()
  const carriesAi = (assetId: string, seen: Set<string>): boolean => {
    const known = aiMemo.get(assetId)
    if (known !== undefined) return known
    // A cycle cannot come from the services (parents exist before children), but a bad row must not hang a report.
    if (seen.has(assetId)) return false
    seen.add(assetId)
    const entry = latest.get(assetId)
    const result = entry ? isAiOrigin(entry.origin) || entry.parentAssetIds.some((parent) => carriesAi(parent, seen)) : false
    aiMemo.set(assetId, result)
    return result
  }

  const withAiImageryIds = input.panels.filter((panel) => panel.assetIds.some((id) => carriesAi(id, new Set()))).map((panel) => panel.id)

  const byCategory = Object.fromEntries(
    provenanceCategories.map((category) => [category, Object.fromEntries(provenanceOrigins.map((origin) => [origin, 0]))]),
  ) as DisclosureSummary['byCategory']
  const modelAssets = new Map<string, { provider: string; model: string; assets: Set<string> }>()
  const providerAssets = new Map<string, Set<string>>()
  for (const entry of latest.values()) byCategory[entry.category][entry.origin] += 1
  // Every model that ever touched an asset is disclosed, not only the one on its latest row.
  for (const entry of input.entries) {
    if (!isAiOrigin(entry.origin) || !entry.provider) continue
    const model = entry.model ?? 'unknown model'
    const key = `${entry.provider}\u0000${model}`
    const use = modelAssets.get(key) ?? { provider: entry.provider, model, assets: new Set<string>() }
    use.assets.add(entry.assetId)
    modelAssets.set(key, use)
    const byProvider = providerAssets.get(entry.provider) ?? new Set<string>()
    byProvider.add(entry.assetId)
    providerAssets.set(entry.provider, byProvider)
  }

  return {
    panels: { total: input.panels.length, withAiImagery: withAiImageryIds.length, withAiImageryIds },
    assets: { total: latest.size, withAi: [...latest.keys()].filter((id) => carriesAi(id, new Set())).length },
    models: [...modelAssets.values()]
      .map(({ provider, model, assets }) => ({ provider, model, assets: assets.size }))
      .sort((a, b) => b.assets - a.assets || a.provider.localeCompare(b.provider) || a.model.localeCompare(b.model)),
    providers: [...providerAssets.entries()]
      .map(([provider, assets]) => ({ provider, assets: assets.size }))
      .sort((a, b) => b.assets - a.assets || a.provider.localeCompare(b.provider)),
    byCategory,
  }
}

function latestEntryPerAsset(entries: readonly LedgerEntry[]): Map<string, LedgerEntry> {
  const latest = new Map<string, LedgerEntry>()
  for (const entry of entries) {
    const previous = latest.get(entry.assetId)
    if (!previous || new Date(entry.createdAt).getTime() >= new Date(previous.createdAt).getTime()) latest.set(entry.assetId, entry)
  }
  return latest
}
