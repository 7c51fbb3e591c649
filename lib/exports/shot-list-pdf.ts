import { PDFDocument, rgb, type PDFPage } from 'pdf-lib'
import type { Outline } from '@/lib/board'
import { contentBox, drawFooter, drawHeader, ink, muted, rule } from './pdf-page-chrome'
import { embedFonts, type FontLoader, type PdfFonts } from './pdf-resources'
import { fitLine, fitLines } from './pdf-text'
import { pageSize, type PaperSize } from './storyboard-options'
import { boardSummary, type ExportProject } from './storyboard-pdf'
import { CAST_SEPARATOR, shotListRows, type ShotListRow } from './shot-list-rows'

// The shot list as a landscape table for the set: a header row repeated on every page, a band where each scene
// starts, rows that wrap (up to a few lines, then an ellipsis) and never split across a page break.

export interface ShotListPdfInput {
  outline: Outline
  project: ExportProject
  paper: PaperSize
  dateText: string
  loadFonts: FontLoader
}

interface Column {
  title: string
  /** Share of the table width. */
  weight: number
  value: (row: ShotListRow) => string
  wrap?: boolean
}

const columns: Column[] = [
  { title: 'Shot', weight: 5, value: (r) => r.shotNumber },
  { title: 'Size', weight: 5.5, value: (r) => r.shot.size ?? '' },
  { title: 'Angle', weight: 6.5, value: (r) => r.shot.angle ?? '' },
  { title: 'Move', weight: 6.5, value: (r) => r.shot.movement ?? '' },
  { title: 'Lens', weight: 5.5, value: (r) => r.shot.lens, wrap: true },
  { title: 'Description', weight: 28, value: (r) => r.shot.description, wrap: true },
  { title: 'Cast', weight: 11, value: (r) => r.shot.cast.join(CAST_SEPARATOR), wrap: true },
  { title: 'Location', weight: 10, value: (r) => r.shot.location, wrap: true },
  { title: 'Equipment', weight: 10, value: (r) => r.shot.equipment, wrap: true },
  { title: 'Setup', weight: 4.5, value: (r) => (r.shot.setupMinutes === null ? '' : `${r.shot.setupMinutes} min`) },
  { title: 'Status', weight: 6, value: (r) => r.shot.status },
  { title: 'Duration', weight: 7, value: (r) => r.duration },
]

const SIZE = 7.5
const LINE = SIZE * 1.3
const PAD = 3
const MAX_LINES = 4
const HEADER_ROW = 16
const SCENE_ROW = 15

export async function shotListPdf(input: ShotListPdfInput): Promise<Uint8Array> {
  const { outline, project } = input
  const doc = await PDFDocument.create()
  doc.setTitle(`${project.name} — shot list`)
  doc.setCreator('Storyreel')
  const fonts = await embedFonts(doc, input.loadFonts)
  const header = { title: 'Shot list', projectName: project.name, dateText: input.dateText, summary: boardSummary(outline, project.rate) }
  const rows = shotListRows(outline, project.rate)

  const pages: PDFPage[] = []
  let page!: PDFPage
  let y = 0
  let bottom = 0
  let widths: number[] = []
  let left = 0
  let pageIsFresh = true
  const newPage = () => {
    pageIsFresh = true
    page = doc.addPage(pageSize(input.paper, 'landscape'))
    pages.push(page)
    drawHeader(page, fonts, header)
    const area = contentBox(page)
    const total = columns.reduce((sum, column) => sum + column.weight, 0)
    widths = columns.map((column) => (column.weight / total) * area.width)
    left = area.x
    bottom = area.y
    y = area.y + area.height
    y = drawHeaderRow(page, fonts, left, y, widths)
  }
  newPage()
  if (rows.length === 0) page.drawText('This board has no shots yet.', { x: left, y: y - 20, size: 11, font: fonts.regular, color: ink })

  let previousScene: number | null = null
  for (const row of rows) {
    const cells = columns.map((column, i) =>
      column.wrap ? fitLines(column.value(row), fonts.regular, SIZE, widths[i]! - 2 * PAD, MAX_LINES) : [fitLine(column.value(row), fonts.regular, SIZE, widths[i]! - 2 * PAD)],
    )
    const height = Math.max(1, ...cells.map((lines) => lines.length)) * LINE + 2 * PAD
    const startsScene = row.sceneNumber !== previousScene
    // A scene band is never left alone at the foot of a page: it moves over with its first shot.
    if (y - height - (startsScene ? SCENE_ROW : 0) < bottom) newPage()
    if (startsScene || pageIsFresh) y = drawSceneRow(page, fonts, left, y, widths, row, !startsScene)
    pageIsFresh = false
    previousScene = row.sceneNumber
    let x = left
    cells.forEach((lines, i) => {
      const font = i === 0 ? fonts.bold : fonts.regular
      lines.forEach((line, n) => page.drawText(line, { x: x + PAD, y: y - PAD - SIZE - n * LINE + 1, size: SIZE, font, color: ink }))
      x += widths[i]!
    })
    y -= height
    page.drawLine({ start: { x: left, y }, end: { x: left + sum(widths), y }, thickness: 0.4, color: rule })
  }

  pages.forEach((p, i) => drawFooter(p, fonts, i + 1, pages.length, project.name))
  return doc.save()
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

function drawHeaderRow(page: PDFPage, fonts: PdfFonts, left: number, top: number, widths: number[]): number {
  page.drawRectangle({ x: left, y: top - HEADER_ROW, width: sum(widths), height: HEADER_ROW, color: rgb(0.2, 0.2, 0.23) })
  let x = left
  columns.forEach((column, i) => {
    page.drawText(fitLine(column.title.toUpperCase(), fonts.bold, 6.5, widths[i]! - 2 * PAD), { x: x + PAD, y: top - 11, size: 6.5, font: fonts.bold, color: rgb(1, 1, 1) })
    x += widths[i]!
  })
  return top - HEADER_ROW
}

function drawSceneRow(page: PDFPage, fonts: PdfFonts, left: number, top: number, widths: number[], row: ShotListRow, continued: boolean): number {
  page.drawRectangle({ x: left, y: top - SCENE_ROW, width: sum(widths), height: SCENE_ROW, color: rgb(0.92, 0.92, 0.94) })
  const text = `SCENE ${row.sceneNumber}${row.sceneHeading ? `  ${row.sceneHeading}` : ''}${continued ? '  (cont.)' : ''}`
  page.drawText(fitLine(text, fonts.bold, 7.5, sum(widths) - 2 * PAD), { x: left + PAD, y: top - 10.5, size: 7.5, font: fonts.bold, color: continued ? muted : ink })
  return top - SCENE_ROW
}
