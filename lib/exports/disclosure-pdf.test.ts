import { PDFDocument } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { buildDisclosureReport, type LedgerRow } from '@/lib/provenance/build-disclosure-report'
import { disclosurePdf } from './disclosure-pdf'
import { diskFonts, pdfPagesText, pdftotextMissing } from './pdf-test-support'

const row = (i: number, extra: Partial<LedgerRow> = {}): LedgerRow => ({
  assetId: `asset-${i}`,
  assetName: `background-${i}.png`,
  assetKind: 'image',
  assetDeleted: false,
  origin: 'ai_generated',
  category: 'visuals',
  provider: 'offline',
  model: 'backdrop-1',
  prompt: `harbour at dusk, take ${i}: fog rolling over the quay, warm lamps, a lone figure — “quoted” 你好`,
  negativePrompt: null,
  seed: 1000 + i,
  parameters: {},
  parentAssetIds: [],
  actorName: 'Zoë Smith',
  createdAt: new Date('2026-11-25T05:00:00Z'),
  ...extra,
})

const report = (count: number) =>
  buildDisclosureReport({
    project: { id: 'p', name: 'Harbour lights' },
    panels: [{ id: 'p1', assetIds: ['asset-0'] }, { id: 'p2', assetIds: [] }],
    entries: Array.from({ length: count }, (_, i) => row(i)),
    animatic: null,
    generatedAt: new Date('2026-11-25T06:00:00Z'),
  })

describe('disclosurePdf', () => {
  it('runs a long ledger over several landscape pages', async () => {
    const pdf = await PDFDocument.load(await disclosurePdf({ report: report(120), paper: 'a4', dateText: '25 Nov 2026', loadFonts: diskFonts }))
    expect(pdf.getPageCount()).toBeGreaterThan(2)
    expect(pdf.getTitle()).toBe('Harbour lights — AI disclosure')
    const [width, height] = [pdf.getPage(0).getWidth(), pdf.getPage(0).getHeight()]
    expect(width).toBeGreaterThan(height)
  })

  it('prints one page saying nothing is recorded for an empty ledger', async () => {
    const pdf = await PDFDocument.load(await disclosurePdf({ report: report(0), paper: 'letter', dateText: '25 Nov 2026', loadFonts: diskFonts }))
    expect(pdf.getPageCount()).toBe(1)
  })

  it.skipIf(pdftotextMissing)('prints the summary sentences and every ledger row', async () => {
    const pages = pdfPagesText(await disclosurePdf({ report: report(40), paper: 'a4', dateText: '25 Nov 2026', loadFonts: diskFonts }))
    const text = pages.join('\n')
    expect(text).toContain('1 of 2 panels contain AI-generated imagery.')
    expect(text).toContain('No animatic has been rendered yet.')
    for (let i = 0; i < 40; i++) expect(text).toContain(`background-${i}.png`)
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`)
  })
})
