import { rgb, type PDFImage, type PDFPage } from 'pdf-lib'
import type { OutlinePanel, OutlineShot, OutlineScene } from '@/lib/board'
import { ink, muted, rule } from './pdf-page-chrome'
import { fitLine, fitLines } from './pdf-text'
import type { PdfFonts } from './pdf-resources'
import type { StoryboardPdfOptions } from './storyboard-options'

// One storyboard cell: scene band, shot/panel caption with duration, the picture at the project's aspect (or a slate),
// shot fields and the panel's words. Everything is measured against the cell, so no text leaves it.

export interface CellBox {
  x: number
  /** Top edge, in PDF coordinates. */
  top: number
  width: number
  height: number
}

export interface CellContent {
  scene: OutlineScene
  shot: OutlineShot
  panel: OutlinePanel
  /** The scene's heading is printed on its first panel and on the first cell of each page. */
  showSceneBand: boolean
  sceneContinued: boolean
  image: PDFImage | null
  durationText: string
}

const BAND = 13
const CAPTION = 13
const TEXT_SIZE = 7.5
const LABEL_SIZE = 6
const LINE = TEXT_SIZE * 1.25

export function drawCell(page: PDFPage, fonts: PdfFonts, box: CellBox, aspect: number, options: StoryboardPdfOptions, content: CellContent): void {
  const { scene, shot, panel } = content
  let y = box.top
  if (content.showSceneBand) {
    const heading = `SCENE ${scene.number}${scene.scene.heading ? `  ${scene.scene.heading}` : ''}${content.sceneContinued ? '  (cont.)' : ''}`
    page.drawText(fitLine(heading, fonts.bold, 8, box.width), { x: box.x, y: y - 9, size: 8, font: fonts.bold, color: ink })
  }
  y -= BAND

  // Caption: shot number large, panel position and duration beside it.
  page.drawText(shot.number, { x: box.x, y: y - 10, size: 11, font: fonts.bold, color: ink })
  const numberWidth = fonts.bold.widthOfTextAtSize(shot.number, 11)
  const durationWidth = options.duration ? fonts.regular.widthOfTextAtSize(content.durationText, 8) : 0
  if (options.duration) page.drawText(content.durationText, { x: box.x + box.width - durationWidth, y: y - 9, size: 8, font: fonts.regular, color: muted })
  const panelText = fitLine(`panel ${panel.index} of ${shot.panels.length}`, fonts.regular, 7.5, Math.max(0, box.width - numberWidth - durationWidth - 12))
  page.drawText(panelText, { x: box.x + numberWidth + 5, y: y - 9, size: 7.5, font: fonts.regular, color: muted })
  y -= CAPTION

  // The frame keeps the project aspect; it shrinks (centred) when the cell is too short to leave room for text.
  const hasText = options.action || options.dialogue || options.notes || options.shotFields
  const maxFrameHeight = (y - (box.top - box.height)) * (hasText ? 0.68 : 1)
  let frameWidth = box.width
  let frameHeight = frameWidth / aspect
  if (frameHeight > maxFrameHeight) {
    frameHeight = maxFrameHeight
    frameWidth = frameHeight * aspect
  }
  const frameX = box.x + (box.width - frameWidth) / 2
  const frameY = y - frameHeight
  if (content.image) drawPicture(page, content.image, frameX, frameY, frameWidth, frameHeight)
  else drawSlate(page, fonts, frameX, frameY, frameWidth, frameHeight, `${shot.number}-${panel.index}`)
  page.drawRectangle({ x: frameX, y: frameY, width: frameWidth, height: frameHeight, borderColor: ink, borderWidth: 0.75 })
  y = frameY - 4

  const bottom = box.top - box.height
  const sections: Array<[string, string]> = []
  if (options.shotFields) {
    const fields = [shot.shot.size, shot.shot.angle, shot.shot.movement, shot.shot.lens].filter(Boolean).join(' · ')
    if (fields) sections.push(['', fields])
  }
  if (options.action && panel.panel.action) sections.push(['ACTION', panel.panel.action])
  if (options.dialogue && panel.panel.dialogue) sections.push(['DIALOGUE', panel.panel.dialogue])
  if (options.notes && panel.panel.notes) sections.push(['NOTES', panel.panel.notes])
  for (const [label, text] of sections) {
    const labelWidth = label ? fonts.bold.widthOfTextAtSize(label, LABEL_SIZE) + 4 : 0
    if (y - LINE < bottom) break
    // The label sits in front of the first line; the text wraps in the width left beside it, then full width.
    const lines = fitLines(text, label ? fonts.regular : fonts.bold, TEXT_SIZE, box.width - labelWidth, Math.floor((y - bottom) / LINE))
    if (label) page.drawText(label, { x: box.x, y: y - TEXT_SIZE, size: LABEL_SIZE, font: fonts.bold, color: muted })
    for (const line of lines) {
      page.drawText(line, { x: box.x + labelWidth, y: y - TEXT_SIZE, size: TEXT_SIZE, font: label ? fonts.regular : fonts.bold, color: ink })
      y -= LINE
    }
    y -= 2
  }
}

/** Letterboxed: the whole picture, centred on black, whatever its own aspect. */
function drawPicture(page: PDFPage, image: PDFImage, x: number, y: number, width: number, height: number): void {
  page.drawRectangle({ x, y, width, height, color: rgb(0, 0, 0) })
  const scale = Math.min(width / image.width, height / image.height)
  const w = image.width * scale
  const h = image.height * scale
  page.drawImage(image, { x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h })
}

/** A panel without a picture: a clapper-style slate with its number, so the page still reads in order. */
function drawSlate(page: PDFPage, fonts: PdfFonts, x: number, y: number, width: number, height: number, label: string): void {
  page.drawRectangle({ x, y, width, height, color: rgb(0.95, 0.95, 0.96) })
  const stripe = Math.min(10, height * 0.12)
  page.drawRectangle({ x, y: y + height - stripe, width, height: stripe, color: rgb(0.22, 0.22, 0.25) })
  for (let sx = x + 6; sx < x + width - 8; sx += 16) {
    page.drawRectangle({ x: sx, y: y + height - stripe, width: 7, height: stripe, color: rgb(0.95, 0.95, 0.96) })
  }
  const size = Math.max(8, Math.min(28, height * 0.22, width / Math.max(4, label.length) * 1.3))
  const labelWidth = fonts.bold.widthOfTextAtSize(label, size)
  page.drawText(label, { x: x + (width - labelWidth) / 2, y: y + (height - stripe) / 2 - size * 0.3, size, font: fonts.bold, color: rule })
}
