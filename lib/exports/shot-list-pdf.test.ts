import { PDFDocument } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { diskFonts, pdfPagesText, pdftotextMissing } from './pdf-test-support'
import { shotListPdf } from './shot-list-pdf'
import { emptyBoard, rate24, sampleBoard } from './test-board'

const project = { name: 'Night Shift', width: 1920, height: 1080, rate: rate24 }
const render = (outline = sampleBoard().outline()) =>
  shotListPdf({ outline, project, paper: 'a4', dateText: '25 Nov 2026', loadFonts: diskFonts })

function longBoard(shots: number) {
  const { board } = emptyBoard()
  const scene = board.insertScene({}, { heading: 'INT. WAREHOUSE' })
  for (let i = 0; i < shots; i++) board.insertShot({ sceneId: scene }, { description: `Shot description ${i + 1}`, lens: '50mm' })
  return board
}

describe('shot list PDF', () => {
  it('is a landscape table of one page for a short list', async () => {
    const doc = await PDFDocument.load(await render())
    expect(doc.getPageCount()).toBe(1)
    const { width, height } = doc.getPage(0).getSize()
    expect(width).toBeGreaterThan(height)
  })

  it.skipIf(pdftotextMissing)('prints every shot with its fields and a band per scene', async () => {
    const [page] = pdfPagesText(await render())
    expect(page).toMatch(/SCENE 1\s+INT\. KITCHEN – NIGHT/)
    expect(page).toMatch(/SCENE 2\s+EXT\. STREET - DAY/)
    expect(page).toMatch(/1A\s+WS\s+eye-level\s+dolly\s+35mm/)
    expect(page).toContain('PU1')
    expect(page).toContain('Zoë; Smith, Jr.')
    expect(page).toContain('=HYPERLINK("x")')
    expect(page).toContain('1m 05s 05f')
    expect(page).toContain('Page 1 of 1')
  })

  it.skipIf(pdftotextMissing)('breaks long lists across pages, repeating the header row and the scene as (cont.)', async () => {
    const pages = pdfPagesText(await render(longBoard(60).outline()))
    expect(pages.length).toBeGreaterThan(1)
    for (const [i, page] of pages.entries()) {
      expect(page).toMatch(/SHOT\s+SIZE\s+ANGLE\s+MOVE\s+LENS\s+DESCRIPTION/)
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`)
      if (i > 0) expect(page).toMatch(/SCENE 1\s+INT\. WAREHOUSE\s+\(cont\.\)/)
    }
    const all = pages.join('')
    for (let i = 1; i <= 60; i++) expect(all.match(new RegExp(`Shot description ${i}\\b`, 'g'))).toHaveLength(1)
  })
})
