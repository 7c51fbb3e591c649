import { PDFDocument, rgb, type PDFPage } from 'pdf-lib'
import { entryNote } from '@/lib/provenance/declaration'
import type { DisclosureEntry, DisclosureReport } from '@/lib/provenance/disclosure-report'
import { animaticSentence, modelsSentence, panelsSentence } from '@/lib/provenance/disclosure-sentences'
import { categoryLabels, originLabels, provenanceCategories, provenanceOrigins } from '@/lib/provenance/vocabulary'
import { contentBox, drawFooter, drawHeader, ink, muted, rule } from './pdf-page-chrome'
import { embedFonts, type FontLoader, type PdfFonts } from './pdf-resources'
import { fitLine, fitLines } from './pdf-text'
import { pageSize, type PaperSize } from './storyboard-options'

// The AI-disclosure report as a landscape PDF in the house look of the storyboard and shot list: the summary
// sentences and the per-category counts first, then the whole ledger as a table whose rows never split across pages.

export interface DisclosurePdfInput {
  report: DisclosureReport
  paper: PaperSize
  dateText: string
  loadFonts: FontLoader
}

interface Column {
  title: string
  weight: number
  value: (entry: DisclosureEntry) => string
  wrap?: boolean
}

const columns: Column[] = [
  { title: 'Asset', weight: 14, value: (e) => (e.assetDeleted ? `${e.assetName} (deleted)` : e.assetName), wrap: true },
  { title: 'Origin', weight: 11, value: (e) => originLabels[e.origin], wrap: true },
  { title: 'Category', weight: 8, value: (e) => categoryLabels[e.category], wrap: true },
  { title: 'Provider', weight: 7, value: (e) => e.provider ?? '—' },
  { title: 'Model', weight: 10, value: (e) => e.model ?? '—', wrap: true },
  { title: 'Prompt or note', weight: 24, value: (e) => entryNote(e) ?? '—', wrap: true },
  { title: 'Seed', weight: 7, value: (e) => (e.seed === null ? '—' : String(e.seed)) },
  { title: 'Who', weight: 9, value: (e) => e.recordedBy ?? '—', wrap: true },
  { title: 'When (UTC)', weight: 9, value: (e) => e.recordedAt.replace('T', ' ').slice(0, 16) },
  { title: 'Made from', weight: 9, value: (e) => (e.parentAssetIds.length ? e.parentAssetIds.map((id) => id.slice(0, 8)).join(', ') : '—'), wrap: true },
]

const SIZE = 7.5
const LINE = SIZE * 1.3
const PAD = 3
const MAX_LINES = 5
const HEADER_ROW = 16
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

export async function disclosurePdf(input: DisclosurePdfInput): Promise<Uint8Array> {
  const { report } = input
  const { summary } = report
  const doc = await PDFDocument.create()
  doc.setTitle(`${report.project.name} — AI disclosure`)
  doc.setCreator('Storyreel')
  doc.setSubject(`${panelsSentence(summary)} ${animaticSentence(summary)}`)
  const fonts = await embedFonts(doc, input.loadFonts)
  const header = {
    title: 'AI disclosure',
    projectName: report.project.name,
    dateText: input.dateText,
    summary: `${summary.panels.withAiImagery} of ${summary.panels.total} panels with AI imagery · ${report.entries.length} ledger rows`,
  }
  const pages: PDFPage[] = []
  let page!: PDFPage
  let y = 0
  let bottom = 0
  let left = 0
  let width = 0
  const newPage = () => {
    page = doc.addPage(pageSize(input.paper, 'landscape'))
    pages.push(page)
    drawHeader(page, fonts, header)
    const area = contentBox(page)
    left = area.x
    width = area.width
    bottom = area.y
    y = area.y + area.height
  }
  newPage()

  // Summary: three sentences, then the category × origin counts.
  for (const sentence of [panelsSentence(summary), animaticSentence(summary), modelsSentence(summary)]) {
    for (const line of fitLines(sentence, fonts.regular, 11, width, 3)) {
      y -= 15
      page.drawText(line, { x: left, y, size: 11, font: fonts.regular, color: ink })
    }
  }
  y -= 14
  y = drawCategoryTable(page, fonts, left, y, width, report)
  y -= 18
  page.drawText('LEDGER', { x: left, y: y - 9, size: 9, font: fonts.bold, color: muted })
  y -= 14

  const widths = columns.map((column) => (column.weight / sum(columns.map((c) => c.weight))) * width)
  y = drawHeaderRow(page, fonts, left, y, widths)
  if (report.entries.length === 0) {
    page.drawText('Nothing has been recorded yet: uploads, drawings, generated backgrounds and renders appear here as they are made.', {
      x: left,
      y: y - 16,
      size: 10,
      font: fonts.regular,
      color: ink,
    })
  }
  for (const entry of report.entries) {
    const cells = columns.map((column, i) =>
      column.wrap ? fitLines(column.value(entry), fonts.regular, SIZE, widths[i]! - 2 * PAD, MAX_LINES) : [fitLine(column.value(entry), fonts.regular, SIZE, widths[i]! - 2 * PAD)],
    )
    const height = Math.max(1, ...cells.map((lines) => lines.length)) * LINE + 2 * PAD
    if (y - height < bottom) {
      newPage()
      y = drawHeaderRow(page, fonts, left, y, widths)
    }
    let x = left
    cells.forEach((lines, i) => {
      lines.forEach((line, n) => page.drawText(line, { x: x + PAD, y: y - PAD - SIZE - n * LINE + 1, size: SIZE, font: i === 1 ? fonts.bold : fonts.regular, color: ink }))
      x += widths[i]!
    })
    y -= height
    page.drawLine({ start: { x: left, y }, end: { x: left + width, y }, thickness: 0.4, color: rule })
  }

  pages.forEach((p, i) => drawFooter(p, fonts, i + 1, pages.length, report.project.name))
  return doc.save()
}

function drawHeaderRow(page: PDFPage, fonts: PdfFonts, left: number, top: number, widths: number[]): number {
  page.drawRectangle({ x: left, y: top - HEADER_ROW, width: sum(widths), height: HEADER_ROW, color: rgb(0.2, 0.2, 0.23) })
  let x = left
  columns.forEach((column, i) => {
    page.drawText(fitLine(column.title.toUpperCase(), fonts.bold, 6.5, widths[i]! - 2 * PAD), { x: x + PAD, y: top - 11, size: 6.5, font: fonts.bold, color: rgb(1, 1, 1) })
    x += widths[i]!
  })
  return top - HEADER_ROW
}

/** Categories down, origins across; zeros printed faintly so the real numbers stand out. */
function drawCategoryTable(page: PDFPage, fonts: PdfFonts, left: number, top: number, width: number, report: DisclosureReport): number {
  const labelWidth = width * 0.28
  const cellWidth = (width - labelWidth) / provenanceOrigins.length
  const row = 14
  let y = top
  page.drawRectangle({ x: left, y: y - HEADER_ROW, width, height: HEADER_ROW, color: rgb(0.2, 0.2, 0.23) })
  page.drawText('CATEGORY', { x: left + PAD, y: y - 11, size: 6.5, font: fonts.bold, color: rgb(1, 1, 1) })
  provenanceOrigins.forEach((origin, i) => {
    page.drawText(fitLine(originLabels[origin].toUpperCase(), fonts.bold, 6.5, cellWidth - 2 * PAD), { x: left + labelWidth + i * cellWidth + PAD, y: y - 11, size: 6.5, font: fonts.bold, color: rgb(1, 1, 1) })
  })
  y -= HEADER_ROW
  for (const category of provenanceCategories) {
    page.drawText(categoryLabels[category], { x: left + PAD, y: y - 10, size: 8, font: fonts.regular, color: ink })
    provenanceOrigins.forEach((origin, i) => {
      const value = report.summary.byCategory[category][origin]
      page.drawText(String(value), { x: left + labelWidth + i * cellWidth + PAD, y: y - 10, size: 8, font: value ? fonts.bold : fonts.regular, color: value ? ink : muted })
    })
    y -= row
    page.drawLine({ start: { x: left, y }, end: { x: left + width, y }, thickness: 0.4, color: rule })
  }
  return y
}
