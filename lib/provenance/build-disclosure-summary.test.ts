import { describe, expect, it } from 'vitest'
import { buildDisclosureSummary, type LedgerEntry } from './build-disclosure-summary'

const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 0, minute))
const entry = (assetId: string, origin: LedgerEntry['origin'], extra: Partial<LedgerEntry> = {}): LedgerEntry => ({
  assetId,
  origin,
  category: 'visuals',
  provider: null,
  model: null,
  parentAssetIds: [],
  createdAt: at(0),
  ...extra,
})

describe('buildDisclosureSummary', () => {
  it('counts a panel with a generated background as AI imagery and drawn panels as not', () => {
    const summary = buildDisclosureSummary({
      panels: [
        { id: 'p1', assetIds: ['drawing-1', 'background-1'] },
        { id: 'p2', assetIds: ['drawing-2'] },
        { id: 'p3', assetIds: [] },
      ],
      entries: [
        entry('drawing-1', 'human'),
        entry('background-1', 'ai_generated', { provider: 'offline', model: 'backdrop-1' }),
        entry('drawing-2', 'human'),
      ],
    })
    expect(summary.panels).toEqual({ total: 3, withAiImagery: 1, withAiImageryIds: ['p1'] })
    expect(summary.models).toEqual([{ provider: 'offline', model: 'backdrop-1', assets: 1 }])
    expect(summary.byCategory.visuals).toEqual({ human: 2, imported: 0, ai_generated: 1, ai_assisted: 0 })
  })

  it('follows parents: a drawing made over a generated image carries AI imagery even when marked human', () => {
    const summary = buildDisclosureSummary({
      panels: [{ id: 'p1', assetIds: ['render'] }],
      entries: [
        entry('generated', 'ai_generated', { provider: 'openai', model: 'gpt-image-1' }),
        entry('render', 'human', { parentAssetIds: ['generated'] }),
      ],
    })
    expect(summary.panels.withAiImagery).toBe(1)
    expect(summary.assets).toEqual({ total: 2, withAi: 2 })
  })

  it('uses the latest row for an asset, but still names every model that touched it', () => {
    const summary = buildDisclosureSummary({
      panels: [{ id: 'p1', assetIds: ['a'] }],
      entries: [
        entry('a', 'ai_assisted', { provider: 'fal', model: 'fal-ai/flux/dev', createdAt: at(5) }),
        entry('a', 'ai_generated', { provider: 'openai', model: 'gpt-image-1', createdAt: at(1) }),
        entry('b', 'imported', { category: 'music' }),
      ],
    })
    expect(summary.byCategory.visuals).toEqual({ human: 0, imported: 0, ai_generated: 0, ai_assisted: 1 })
    expect(summary.byCategory.music.imported).toBe(1)
    expect(summary.models.map((m) => m.model).sort()).toEqual(['fal-ai/flux/dev', 'gpt-image-1'])
    expect(summary.providers).toEqual([
      { provider: 'fal', assets: 1 },
      { provider: 'openai', assets: 1 },
    ])
  })

  it('does not hang on a cycle of parents', () => {
    const summary = buildDisclosureSummary({
      panels: [{ id: 'p1', assetIds: ['x'] }],
      entries: [entry('x', 'human', { parentAssetIds: ['y'] }), entry('y', 'human', { parentAssetIds: ['x'] })],
    })
    expect(summary.panels.withAiImagery).toBe(0)
  })

  it('an empty project has nothing to disclose', () => {
    const summary = buildDisclosureSummary({ panels: [], entries: [] })
    expect(summary.panels).toEqual({ total: 0, withAiImagery: 0, withAiImageryIds: [] })
    expect(summary.models).toEqual([])
    expect(summary.assets).toEqual({ total: 0, withAi: 0 })
  })
})
