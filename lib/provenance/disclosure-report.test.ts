import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { animaticAiFrames, framesToSeconds } from './animatic-ai-frames'
import { buildDisclosureReport, type LedgerRow } from './build-disclosure-report'
import { disclosureMarkdown } from './disclosure-markdown'
import { disclosureMetadataArgs, disclosureMp4Metadata, disclosureSidecar } from './disclosure-media-metadata'
import { disclosureJson, disclosureReport } from './disclosure-report'
import { formatSeconds } from './disclosure-sentences'

// The JSON Schema of the report is committed: a change to the report's shape shows up as a diff here and must come
// with a version bump. Regenerate with UPDATE_GOLDEN=1 after reading the diff.
const schemaPath = fileURLToPath(new URL('./ai-disclosure.schema.json', import.meta.url))

const row = (assetId: string, origin: LedgerRow['origin'], extra: Partial<LedgerRow> = {}): LedgerRow => ({
  assetId,
  assetName: `${assetId}.png`,
  assetKind: 'image',
  assetDeleted: false,
  origin,
  category: 'visuals',
  provider: null,
  model: null,
  prompt: null,
  negativePrompt: null,
  seed: null,
  parameters: {},
  parentAssetIds: [],
  actorName: 'Ana Lima',
  createdAt: new Date('2026-11-25T05:00:00Z'),
  ...extra,
})

function sampleReport(animatic: Parameters<typeof buildDisclosureReport>[0]['animatic'] = null) {
  return buildDisclosureReport({
    project: { id: 'proj-1', name: 'Harbour | lights' },
    panels: [
      { id: 'p1', assetIds: ['drawing-1', 'bg-1'] },
      { id: 'p2', assetIds: ['drawing-2'] },
    ],
    entries: [
      row('bg-1', 'ai_generated', { provider: 'offline', model: 'backdrop-1', prompt: 'fog\nat dusk | harbour', seed: 7 }),
      row('drawing-1', 'human'),
      row('drawing-2', 'human', { actorName: null }),
    ],
    animatic,
    generatedAt: new Date('2026-11-25T06:00:00Z'),
  })
}

describe('disclosure report', () => {
  it('has a committed JSON Schema with a version field', () => {
    const schema = `${JSON.stringify(z.toJSONSchema(disclosureReport, { io: 'input' }), null, 2)}\n`
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(schemaPath, schema)
    expect(existsSync(schemaPath)).toBe(true)
    expect(schema).toBe(readFileSync(schemaPath, 'utf8'))
    expect(JSON.parse(schema).required).toEqual(expect.arrayContaining(['$schema', 'version', 'summary', 'entries']))
  })

  it('writes JSON that reads back to the same report and refuses a report of another version', () => {
    const report = sampleReport()
    expect(disclosureReport.parse(JSON.parse(disclosureJson(report)))).toEqual(report)
    expect(() => disclosureReport.parse({ ...report, version: 2 })).toThrow()
  })

  it('says "no animatic yet" without a render, and counts the AI panels’ frames with one', () => {
    expect(sampleReport().summary.animatic).toEqual({ status: 'none' })
    const rendered = sampleReport({
      reviewItemId: 'ri', title: 'Animatic', versionNumber: 3, versionAssetId: 'video-3', rate: { numerator: 24000, denominator: 1001 }, frameCount: 96, timingFrom: 'render',
      spans: [{ panelId: 'p1', frameIn: 0, frameOut: 48 }, { panelId: 'p2', frameIn: 48, frameOut: 96 }],
    }).summary.animatic
    expect(rendered).toEqual({
      status: 'rendered', reviewItemId: 'ri', reviewItemTitle: 'Animatic', versionNumber: 3, frameRate: '24000/1001', frames: 96, seconds: 4.004, aiFrames: 48, aiSeconds: 2.002, timingFrom: 'render',
    })
  })

  it('counts a stills render by its AI panels’ frames even though its ledger row names the generated picture, and an AI-mode render whole', () => {
    const animatic = {
      reviewItemId: 'ri', title: 'Animatic', versionNumber: 1, versionAssetId: 'video-1', rate: { numerator: 24, denominator: 1 }, frameCount: 96, timingFrom: 'render' as const,
      spans: [{ panelId: 'p1', frameIn: 0, frameOut: 48 }, { panelId: 'p2', frameIn: 48, frameOut: 96 }],
    }
    const report = (origin: LedgerRow['origin']) =>
      buildDisclosureReport({
        project: { id: 'proj-1', name: 'Harbour' },
        panels: [{ id: 'p1', assetIds: ['drawing-1', 'bg-1'] }, { id: 'p2', assetIds: ['drawing-2'] }],
        entries: [
          row('bg-1', 'ai_generated', { provider: 'offline', model: 'backdrop-1' }),
          row('drawing-1', 'human'),
          row('drawing-2', 'human'),
          row('video-1', origin, { assetKind: 'video', parentAssetIds: ['drawing-1', 'bg-1', 'drawing-2'], ...(origin === 'ai_generated' ? { provider: 'offline', model: 'motion-1' } : {}) }),
        ],
        animatic,
        generatedAt: new Date('2026-11-25T06:00:00Z'),
      }).summary.animatic
    expect(report('ai_assisted')).toMatchObject({ aiFrames: 48, aiSeconds: 2 })
    expect(report('ai_generated')).toMatchObject({ aiFrames: 96, aiSeconds: 4 })
  })

  it('counts a generated animatic (AI animatic mode) as AI from first frame to last', () => {
    expect(animaticAiFrames({ spans: [], aiPanelIds: new Set(), frameCount: 120, wholeVersionIsAi: true })).toBe(120)
    // Spans past the version's end (a board longer than the render) are clipped to it.
    expect(animaticAiFrames({ spans: [{ panelId: 'a', frameIn: 100, frameOut: 200 }], aiPanelIds: new Set(['a']), frameCount: 150, wholeVersionIsAi: false })).toBe(50)
    expect(framesToSeconds(30, { numerator: 30000, denominator: 1001 })).toBe(1.001)
    expect(formatSeconds(75.04)).toBe('1 min 15 s')
  })

  it('writes Markdown whose ledger table survives pipes and line breaks in prompts', () => {
    const markdown = disclosureMarkdown(sampleReport())
    expect(markdown).toContain('# AI disclosure — Harbour | lights')
    expect(markdown).toContain('- 1 of 2 panels contain AI-generated imagery.')
    expect(markdown).toContain('- No animatic has been rendered yet.')
    expect(markdown).toContain('- Models used: backdrop-1 (offline).')
    const ledgerRow = markdown.split('\n').find((line) => line.startsWith('| bg-1.png'))!
    expect(ledgerRow).toBe('| bg-1.png | Generated by AI | Visuals | offline | backdrop-1 | fog<br>at dusk \\| harbour | 7 | Ana Lima | 2026-11-25 05:00 UTC | — |')
    expect(ledgerRow.split(/(?<!\\)\|/)).toHaveLength(12)
  })

  it('gives the renderer one-line MP4 tags and a sidecar manifest naming the file', () => {
    const report = sampleReport()
    const tags = disclosureMp4Metadata(report)
    expect(tags.comment).toBe('AI disclosure: 1 of 2 panels contain AI-generated imagery. No animatic has been rendered yet. Models used: backdrop-1 (offline).')
    expect(Object.values(tags).every((value) => !value.includes('\n'))).toBe(true)
    expect(disclosureMetadataArgs(report).slice(0, 2)).toEqual(['-metadata', `comment=${tags.comment}`])
    const sidecar = disclosureSidecar(report, { fileName: 'animatic-v3.mp4' })
    expect(sidecar.fileName).toBe('animatic-v3.mp4.disclosure.json')
    expect(JSON.parse(sidecar.json)).toMatchObject({ manifest: 'storyreel.ai-disclosure.sidecar', version: 1, media: { fileName: 'animatic-v3.mp4', sha256: null }, report: { version: 1 } })
  })
})
