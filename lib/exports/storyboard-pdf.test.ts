import { deflateSync } from 'node:zlib'
import { PDFDocument } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import type { ImageLoader } from './pdf-resources'
import { diskFonts, pdfPagesText, pdftotextMissing } from './pdf-test-support'
import { storyboardLayouts, orientations, storyboardPdfOptions, type StoryboardPdfOptions } from './storyboard-options'
import { storyboardPdf } from './storyboard-pdf'
import { emptyBoard, rate24, sampleBoard } from './test-board'

const project = { name: 'Night Shift — “Pilot”', width: 1920, height: 1080, rate: rate24 }
const options = (extra: Partial<StoryboardPdfOptions> = {}) => storyboardPdfOptions.parse(extra)

function boardWithPanels(count: number) {
  const { board } = emptyBoard()
  const scene = board.insertScene({}, { heading: 'INT. CORRIDOR' })
  for (let i = 0; i < count; i++) {
    const shot = board.insertShot({ sceneId: scene })
    board.insertPanel({ shotId: shot }, { dialogue: `Line ${i + 1}` })
  }
  return board
}

async function render(outline = sampleBoard().outline(), extra: Partial<StoryboardPdfOptions> = {}, loadImage: ImageLoader = async () => null) {
  return storyboardPdf({ outline, project, options: options(extra), dateText: '25 Nov 2026', loadFonts: diskFonts, loadImage })
}

async function pageCount(pdf: Uint8Array) {
  return (await PDFDocument.load(pdf)).getPageCount()
}

describe('storyboard PDF', () => {
  it('puts 13 panels on 3 pages at six a page, with no cover page', async () => {
    const pdf = await render(boardWithPanels(13).outline(), { layout: '3x2' })
    expect(await pageCount(pdf)).toBe(3)
  })

  it.each(storyboardLayouts.flatMap((layout) => orientations.map((orientation) => [layout, orientation] as const)))(
    'layout %s %s: ceil(panels / per page) pages, the right way round',
    async (layout, orientation) => {
      const perPage = { '1': 1, '2x2': 4, '3x2': 6, '3x3': 9 }[layout]
      const pdf = await render(boardWithPanels(10).outline(), { layout, orientation })
      const doc = await PDFDocument.load(pdf)
      expect(doc.getPageCount()).toBe(Math.ceil(10 / perPage))
      const { width, height } = doc.getPage(0).getSize()
      expect(width > height).toBe(orientation === 'landscape')
    },
  )

  it('prints one page saying so for an empty board', async () => {
    expect(await pageCount(await render(emptyBoard().board.outline()))).toBe(1)
  })

  it.skipIf(pdftotextMissing)('prints header, shot numbers, scene headings, durations, dialogue in any script and page numbers', async () => {
    const pages = pdfPagesText(await render(sampleBoard().outline(), { layout: '1' }))
    expect(pages).toHaveLength(4)
    for (const [i, page] of pages.entries()) {
      expect(page).toContain('Night Shift — “Pilot”')
      expect(page).toContain('25 Nov 2026')
      expect(page).toContain('2 scenes · 4 shots · 4 panels · 1m 09s 11f')
      expect(page).toContain(`Page ${i + 1} of 4`)
    }
    const [first, second, third, fourth] = pages as [string, string, string, string]
    expect(first).toMatch(/SCENE 1\s+INT\. KITCHEN – NIGHT/)
    expect(first).toMatch(/1A\s+panel 1 of 2/)
    expect(first).toContain('ZOË: ¿Dónde está?')
    expect(first).toContain('She drops the keys.')
    expect(first).toContain('2s 12f')
    expect(second).toMatch(/SCENE 1\s+INT\. KITCHEN – NIGHT\s+\(cont\.\)/)
    expect(second).toContain('Keys hit the floor.')
    expect(third).toContain('PU1')
    expect(fourth).toMatch(/SCENE 2\s+EXT\. STREET - DAY/)
    expect(fourth).toMatch(/2A\s+panel 1 of 1/)
  })

  it.skipIf(pdftotextMissing)('leaves out the fields switched off', async () => {
    const [page] = pdfPagesText(await render(sampleBoard().outline(), { layout: '3x3', dialogue: false, action: false, duration: false }))
    expect(page).not.toContain('Dónde')
    expect(page).not.toContain('drops the keys')
    expect(page).not.toContain('2s 12f')
    expect(page).toContain('PU1')
  })

  it.skipIf(pdftotextMissing)('cuts text too long for its cell with an ellipsis instead of overflowing', async () => {
    const { board } = emptyBoard()
    const scene = board.insertScene({}, { heading: 'INT. LIBRARY' })
    const shot = board.insertShot({ sceneId: scene })
    board.insertPanel({ shotId: shot }, { action: Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ') })
    const [page] = pdfPagesText(await render(board.outline(), { layout: '3x3' }))
    expect(page).toContain('…')
    expect(page).toContain('word0')
    expect(page).not.toContain('word399')
  })

  it.skipIf(pdftotextMissing)('draws panel pictures instead of slates, embedding each stored image once', async () => {
    const { board } = emptyBoard()
    const scene = board.insertScene()
    const shot = board.insertShot({ sceneId: scene })
    for (let i = 0; i < 3; i++) board.insertPanel({ shotId: shot }, { imageAssetId: 'asset-1' })
    const loads: string[] = []
    const pdf = await render(board.outline(), {}, async (id: string) => (loads.push(id), tinyPng()))
    expect(loads).toEqual(['asset-1'])
    expect(pdfPagesText(pdf).join('')).not.toContain('1A-1')
    // Without the picture, each panel prints as a slate carrying its number.
    expect(pdfPagesText(await render(board.outline())).join('')).toContain('1A-1')
  })
})

/** A 4×3 red PNG, built by hand so the test needs no image files. */
function tinyPng(): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc32 = (bytes: Buffer) => {
    let c = 0xffffffff
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(8 + data.length + 4)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), 8 + data.length)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(4, 0)
  header.writeUInt32BE(3, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const rows = Buffer.concat(Array.from({ length: 3 }, () => Buffer.from([0, ...Array.from({ length: 4 }, () => [220, 40, 40]).flat()])))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))])
}
