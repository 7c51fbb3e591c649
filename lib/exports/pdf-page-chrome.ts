import { rgb, type PDFPage } from 'pdf-lib'
import { fitLine } from './pdf-text'
import type { PdfFonts } from './pdf-resources'

// The header and footer every page of our PDFs carries, so a loose page found on set still says what it belongs to.

export const MARGIN = 30
export const HEADER_HEIGHT = 40
export const FOOTER_HEIGHT = 18
export const ink = rgb(0.1, 0.1, 0.12)
export const muted = rgb(0.42, 0.42, 0.46)
export const rule = rgb(0.78, 0.78, 0.8)

export interface PageHeader {
  /** "Storyboard", "Shot list" */
  title: string
  projectName: string
  /** Printed as given, so the caller decides the format and the tests can pin it. */
  dateText: string
  /** "2 scenes · 4 shots · 5 panels · 1m 12s 05f" */
  summary: string
}

export function drawHeader(page: PDFPage, fonts: PdfFonts, header: PageHeader): void {
  const { width, height } = page.getSize()
  const top = height - MARGIN
  const right = width - MARGIN
  const dateWidth = fonts.regular.widthOfTextAtSize(header.dateText, 9)
  const nameSpace = right - MARGIN - dateWidth - 20
  page.drawText(fitLine(header.projectName, fonts.bold, 14, nameSpace), { x: MARGIN, y: top - 14, size: 14, font: fonts.bold, color: ink })
  page.drawText(header.dateText, { x: right - dateWidth, y: top - 12, size: 9, font: fonts.regular, color: muted })
  const subtitle = fitLine(`${header.title.toUpperCase()}  ·  ${header.summary}`, fonts.regular, 8.5, right - MARGIN)
  page.drawText(subtitle, { x: MARGIN, y: top - 28, size: 8.5, font: fonts.regular, color: muted })
  page.drawLine({ start: { x: MARGIN, y: top - HEADER_HEIGHT + 6 }, end: { x: right, y: top - HEADER_HEIGHT + 6 }, thickness: 0.75, color: rule })
}

export function drawFooter(page: PDFPage, fonts: PdfFonts, pageNumber: number, pageCount: number, projectName: string): void {
  const { width } = page.getSize()
  const text = `Page ${pageNumber} of ${pageCount}`
  const size = 8
  const textWidth = fonts.regular.widthOfTextAtSize(text, size)
  page.drawText(text, { x: width - MARGIN - textWidth, y: MARGIN - 12, size, font: fonts.regular, color: muted })
  page.drawText(fitLine(projectName, fonts.regular, size, width / 2), { x: MARGIN, y: MARGIN - 12, size, font: fonts.regular, color: muted })
}

/** The area between header and footer, in PDF coordinates (origin bottom left). */
export function contentBox(page: PDFPage): { x: number; y: number; width: number; height: number } {
  const { width, height } = page.getSize()
  const top = height - MARGIN - HEADER_HEIGHT
  const bottom = MARGIN + FOOTER_HEIGHT - 10
  return { x: MARGIN, y: bottom, width: width - 2 * MARGIN, height: top - bottom }
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}
