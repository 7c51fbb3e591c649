import { PDFDocument } from 'pdf-lib'
import type { Outline, OutlinePanel, OutlineScene, OutlineShot } from '@/lib/board'
import { formatDuration } from '@/lib/timecode'
import { drawCell } from './storyboard-cell'
import { contentBox, drawFooter, drawHeader, ink, plural } from './pdf-page-chrome'
import { embedFonts, imageEmbedder, type FontLoader, type ImageLoader } from './pdf-resources'
import { gridOf, pageSize, panelsPerPage, type StoryboardPdfOptions } from './storyboard-options'
import type { RateLike } from './shot-list-rows'

// The storyboard as a printable PDF: panels in outline order in a grid, no cover page, so a board of N panels is
// exactly ceil(N / panels per page) pages (one page saying so for an empty board). Pure apart from the two loaders.

export interface ExportProject {
  name: string
  width: number
  height: number
  rate: RateLike
}

export interface StoryboardPdfInput {
  outline: Outline
  project: ExportProject
  options: StoryboardPdfOptions
  /** Printed in the header as given ("25 Nov 2026"). */
  dateText: string
  loadFonts: FontLoader
  loadImage: ImageLoader
}

interface Placed {
  scene: OutlineScene
  shot: OutlineShot
  panel: OutlinePanel
}

export function boardSummary(outline: Outline, rate: RateLike): string {
  const shots = outline.scenes.reduce((sum, scene) => sum + scene.shots.length, 0)
  const panels = outline.scenes.reduce((sum, scene) => sum + scene.shots.reduce((n, shot) => n + shot.panels.length, 0), 0)
  return `${plural(outline.scenes.length, 'scene')} · ${plural(shots, 'shot')} · ${plural(panels, 'panel')} · ${formatDuration(outline.totalDurationFrames, rate)}`
}

export async function storyboardPdf(input: StoryboardPdfInput): Promise<Uint8Array> {
  const { outline, project, options } = input
  const doc = await PDFDocument.create()
  doc.setTitle(`${project.name} — storyboard`)
  doc.setCreator('Storyreel')
  const fonts = await embedFonts(doc, input.loadFonts)
  const imageFor = imageEmbedder(doc, input.loadImage)

  const placed: Placed[] = outline.scenes.flatMap((scene) => scene.shots.flatMap((shot) => shot.panels.map((panel) => ({ scene, shot, panel }))))
  const perPage = panelsPerPage(options.layout)
  const pageCount = Math.max(1, Math.ceil(placed.length / perPage))
  const { columns, rows } = gridOf(options.layout, options.orientation)
  const header = { title: 'Storyboard', projectName: project.name, dateText: input.dateText, summary: boardSummary(outline, project.rate) }
  const aspect = project.width > 0 && project.height > 0 ? project.width / project.height : 16 / 9
  const gap = options.layout === '1' ? 0 : 14
  const assetOf = ({ panel }: Placed) => panel.panel.imageAssetId ?? panel.panel.thumbnailAssetId
  await preload([...new Set(placed.map(assetOf).filter((id) => id !== null))], imageFor)

  for (let pageIndex = 0; pageIndex < pageCount; pageIndex++) {
    const page = doc.addPage(pageSize(options.paper, options.orientation))
    drawHeader(page, fonts, header)
    drawFooter(page, fonts, pageIndex + 1, pageCount, project.name)
    const area = contentBox(page)
    const cellWidth = (area.width - gap * (columns - 1)) / columns
    const cellHeight = (area.height - gap * (rows - 1)) / rows
    const onPage = placed.slice(pageIndex * perPage, (pageIndex + 1) * perPage)
    if (onPage.length === 0) {
      page.drawText('This board has no panels yet.', { x: area.x, y: area.y + area.height - 20, size: 12, font: fonts.regular, color: ink })
    }
    for (const [i, entry] of onPage.entries()) {
      const previous = i === 0 ? placed[pageIndex * perPage - 1] : onPage[i - 1]
      const firstOfScene = previous?.scene !== entry.scene
      const box = {
        x: area.x + (i % columns) * (cellWidth + gap),
        top: area.y + area.height - Math.floor(i / columns) * (cellHeight + gap),
        width: cellWidth,
        height: cellHeight,
      }
      const assetId = assetOf(entry)
      drawCell(page, fonts, box, aspect, options, {
        ...entry,
        showSceneBand: firstOfScene || i === 0,
        sceneContinued: !firstOfScene,
        image: assetId ? await imageFor(assetId) : null,
        durationText: formatDuration(entry.panel.panel.durationFrames, project.rate),
      })
    }
  }
  return doc.save()
}

/** Images are fetched a few at a time before drawing: one by one, a board of stored renders waits on each read. */
async function preload(assetIds: string[], load: (assetId: string) => Promise<unknown>, concurrency = 6): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < assetIds.length) await load(assetIds[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, assetIds.length) }, worker))
}
