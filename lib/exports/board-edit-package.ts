// The board-to-editing-software download: the XML for Premiere (xmeml) or Final Cut (FCPXML) with every panel's
// full-resolution image beside it in media/, zipped so the relative paths in the XML resolve once it is unpacked.
//
// Streamed: each pull of the stream reads one panel's image and passes it into the zip, so memory holds one picture
// at a time however long the board (a 500-panel board's images would otherwise sit in memory twice). The XML needs
// every picture's size, so it is written last; zip readers find entries through the central directory, not order.
import { strToU8, Zip, ZipPassThrough } from 'fflate'
import type { Outline } from '@/lib/board'
import type { Rate } from '@/lib/timecode'
import type { BoardEditFormat } from './board-edit-format'
import { boardEditPanels, type BoardEditClip, type BoardEditPanel, type BoardEditTimeline } from './board-edit-timeline'
import { boardToFcpxml } from './board-to-fcpxml'
import { boardToPremiereXml } from './board-to-premiere-xml'
import type { ImageLoader } from './pdf-resources'
import { stillImageInfo } from './still-image-info'

export const boardEditXmlFileName: Record<BoardEditFormat, string> = { xmeml: 'storyboard-premiere.xml', fcpxml: 'storyboard-final-cut.fcpxml' }

export interface BoardEditPackageInput {
  outline: Outline
  format: BoardEditFormat
  name: string
  rate: Rate
  width: number
  height: number
  startTimecode: string
  loadImage: ImageLoader
  /** Called once the XML is written, with the timeline it describes (clips without media are gaps). */
  onTimeline?: (timeline: BoardEditTimeline) => void
}

export function boardEditZipStream(input: BoardEditPackageInput): ReadableStream<Uint8Array> {
  const panels = boardEditPanels(input.outline)
  const clips: BoardEditClip[] = []
  let pending: Uint8Array[] = []
  let zipError: Error | null = null
  const zip = new Zip((error, chunk) => {
    if (error) zipError = error
    else pending.push(chunk)
  })
  const addFile = (path: string, bytes: Uint8Array) => {
    // Stored, not deflated: PNG and JPEG are already compressed, and the XML is small.
    const file = new ZipPassThrough(path)
    zip.add(file)
    file.push(bytes, true)
  }

  const addPanel = async (panel: BoardEditPanel) => {
    const clip: BoardEditClip = { panelId: panel.panelId, name: panel.name, durationFrames: panel.durationFrames, media: null }
    const bytes = panel.imageAssetId ? await input.loadImage(panel.imageAssetId) : null
    const info = bytes ? stillImageInfo(bytes) : null
    if (bytes && info) {
      // Panels sharing one image each get their own file, so the editor's media bin mirrors the board.
      const path = `media/${panel.fileStem}.${info.extension}`
      addFile(path, bytes)
      clip.media = { path, width: info.width, height: info.height }
    }
    clips.push(clip)
  }

  let next = 0
  let ended = false
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (pending.length === 0) {
        if (next < panels.length) {
          await addPanel(panels[next++]!)
        } else if (!ended) {
          ended = true
          const timeline: BoardEditTimeline = { name: input.name, rate: input.rate, width: input.width, height: input.height, startTimecode: input.startTimecode, clips }
          addFile(boardEditXmlFileName[input.format], strToU8(input.format === 'xmeml' ? boardToPremiereXml(timeline) : boardToFcpxml(timeline)))
          zip.end()
          input.onTimeline?.(timeline)
        } else {
          controller.close()
          return
        }
        if (zipError) throw zipError
      }
      const chunks = pending
      pending = []
      for (const chunk of chunks) controller.enqueue(chunk)
    },
  })
}
